namespace RtChat.Web.Domain.Chat;

public partial class ChatMessage
{
    private readonly List<Reaction> _reactions = [];

    /// <summary>Who reacted with what (a toggle loads only the reacting person's own).</summary>
    public IReadOnlyCollection<Reaction> Reactions => _reactions;

    /// <summary>
    /// Puts <paramref name="userId"/>'s <paramref name="emoji"/> on the message, or takes it off if it is there. Saved
    /// through <c>MessageUpdates</c>, which gives the message a version: a message that has never changed has no reactions.
    /// </summary>
    /// <returns>Whether the reaction is on now.</returns>
    public bool ToggleReaction(string userId, string? emoji, DateTimeOffset now)
    {
        if (IsDeleted) throw new DomainRuleException("This message was deleted.");
        if (!Reaction.IsAllowed(emoji)) throw new DomainRuleException(Reaction.Refusal);
        if (_reactions.Find(r => r.UserId == userId && r.Emoji == emoji) is { } mine)
        {
            _reactions.Remove(mine);
            return false;
        }
        _reactions.Add(new Reaction(Id, userId, emoji!, now));
        return true;
    }
}
