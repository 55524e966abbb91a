namespace RtChat.Web.Data;

/// <summary>Reacts to a domain event by changing the same unit of work, before it commits.</summary>
public interface IDomainEventHandler<in TEvent> where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, AppDbContext db, CancellationToken cancellationToken);
}

/// <summary>
/// Runs the handlers of the events raised by tracked entities, until none are left, so everything they
/// add is saved by the same SaveChanges, in the same transaction.
/// </summary>
public sealed class DomainEventDispatcher(IServiceProvider services)
{
    public async Task DispatchAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        while (Take(db) is { Count: > 0 } events)
            foreach (var domainEvent in events)
                await DispatchAsync(domainEvent, db, cancellationToken);
    }

    private static List<IDomainEvent> Take(AppDbContext db)
    {
        var sources = db.ChangeTracker.Entries<IHasDomainEvents>().Select(e => e.Entity).Where(e => e.DomainEvents.Count > 0).ToList();
        var events = sources.SelectMany(s => s.DomainEvents).ToList();
        sources.ForEach(s => s.ClearDomainEvents());
        return events;
    }

    private Task DispatchAsync(IDomainEvent domainEvent, AppDbContext db, CancellationToken cancellationToken) =>
        (Task)HandleMethod.MakeGenericMethod(domainEvent.GetType()).Invoke(this, [domainEvent, db, cancellationToken])!;

    private static readonly System.Reflection.MethodInfo HandleMethod =
        typeof(DomainEventDispatcher).GetMethod(nameof(HandleAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;

    // One handler at a time: they share the DbContext, which allows one operation at a time.
    private async Task HandleAsync<TEvent>(TEvent domainEvent, AppDbContext db, CancellationToken cancellationToken) where TEvent : IDomainEvent
    {
        foreach (var handler in services.GetServices<IDomainEventHandler<TEvent>>())
            await handler.HandleAsync(domainEvent, db, cancellationToken);
    }
}
