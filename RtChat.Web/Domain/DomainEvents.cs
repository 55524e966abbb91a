namespace RtChat.Web.Domain;

/// <summary>Something that happened to an entity, handled inside the same SaveChanges (same transaction).</summary>
public interface IDomainEvent;

public interface IHasDomainEvents
{
    IReadOnlyList<IDomainEvent> DomainEvents { get; }
    void ClearDomainEvents();
}

public sealed record UserCreated(AppUser User) : IDomainEvent;
