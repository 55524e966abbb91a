namespace RtChat.Web.Data;

/// <summary>Every user gets a profile in the same transaction that creates the user (the seeds' post_save signal).</summary>
internal sealed class ProfileCreation : IDomainEventHandler<UserCreated>
{
    public Task HandleAsync(UserCreated domainEvent, AppDbContext db, CancellationToken cancellationToken)
    {
        db.Add(new Profile(domainEvent.User));
        return Task.CompletedTask;
    }
}
