namespace RtChat.Web.Domain.Chat;

/// <summary>What a message body may be: trimmed, new lines as LF, 1 to <see cref="MaxLength"/> characters.</summary>
public sealed record MessageRules(int MaxLength = MessageRules.DefaultMaxLength)
{
    public const int DefaultMaxLength = 2000;
    public const int HardMaxLength = 10_000;

    public string Clean(string? body)
    {
        var trimmed = CleanCaption(body);
        if (trimmed.Length == 0)
            throw new DomainRuleException("Write something before sending.");
        return trimmed;
    }

    /// <summary>The text beside a shared file: as a message body, but it may be empty.</summary>
    public string CleanCaption(string? caption)
    {
        var trimmed = caption?.Trim().ReplaceLineEndings("\n") ?? "";
        if (trimmed.Length > MaxLength)
            throw new DomainRuleException($"Messages are at most {MaxLength:N0} characters; this one has {trimmed.Length:N0}.");
        return trimmed;
    }
}
