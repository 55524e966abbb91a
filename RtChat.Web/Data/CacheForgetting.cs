using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using RtChat.Web.Domain.Chat;
using RtChat.Web.Realtime;

namespace RtChat.Web.Data;

/// <summary>
/// Makes every cached read forget what a save changed, once the change is committed: at the end of the save, or of the
/// transaction it ran in (a read that ran before the commit would see the old rows again). Saves are the one way in:
/// a bulk update (<c>ExecuteUpdate</c>) changes nothing cached here, and a new one that does must forget by hand.
/// With several nodes, the others are told the same forgets (<see cref="IOtherNodes"/>).
/// </summary>
public sealed class CacheForgetting(PageCaches caches, IOtherNodes otherNodes) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private sealed class Changes
    {
        public readonly HashSet<string> Users = [];
        public readonly HashSet<string> Authors = [];
        public readonly HashSet<string> Rooms = [];
        public readonly HashSet<int> RoomMessages = [];
    }

    // The changes of saves not yet committed, by context (pooled contexts are reused, so the set is emptied when used).
    private readonly ConditionalWeakTable<DbContext, Changes> _uncommitted = new();

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ForgetUnlessInTransaction(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ForgetUnlessInTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    // A failed save may have changed some rows; forgetting too much only costs a read.
    public void SaveChangesFailed(DbContextErrorEventData eventData) => ForgetUnlessInTransaction(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ForgetUnlessInTransaction(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null) return;
        var changes = _uncommitted.GetValue(context, _ => new Changes());
        lock (changes)
            foreach (var entry in context.ChangeTracker.Entries())
                if (entry.State is not (EntityState.Unchanged or EntityState.Detached))
                    Collect(entry, changes);
    }

    private static void Collect(EntityEntry entry, Changes changes)
    {
        switch (entry.Entity)
        {
            case AppUser user when entry.State != EntityState.Added:
                changes.Users.Add(user.Id);
                // A failed log-in changes the user too; only a new username or a deletion changes what messages show.
                if (entry.State == EntityState.Deleted || entry.Property(nameof(AppUser.UserName)).IsModified)
                    changes.Authors.Add(user.Id);
                break;
            case Profile profile:
                changes.Users.Add(profile.UserId);
                changes.Authors.Add(profile.UserId);
                break;
            case ChatRoom room when entry.State != EntityState.Added:
                changes.Rooms.Add(room.Name);
                changes.Rooms.Add((string)entry.OriginalValues[nameof(ChatRoom.Name)]!);
                // Its newest page goes with it (ids are not reused; the page would only sit there until evicted).
                changes.RoomMessages.Add(room.Id);
                break;
            case ChatMessage message:
                changes.RoomMessages.Add(message.RoomId);
                break;
            // Every change of a sent message is logged with it (a reaction changes no message row).
            case MessageChange change:
                changes.RoomMessages.Add(change.RoomId);
                break;
        }
    }

    private void ForgetUnlessInTransaction(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null) Forget(context);
    }

    private void Forget(DbContext? context)
    {
        if (context is null || !_uncommitted.TryGetValue(context, out var changes)) return;
        StaleCaches stale;
        lock (changes)
        {
            // Every page may show an author's messages under their old name and avatar (or, deleted, still show them).
            stale = new StaleCaches([.. changes.Users], [.. changes.Rooms], [.. changes.RoomMessages], AllPages: changes.Authors.Count > 0);
            changes.Users.Clear();
            changes.Authors.Clear();
            changes.Rooms.Clear();
            changes.RoomMessages.Clear();
        }
        if (stale.IsEmpty) return;
        caches.Forget(stale);
        otherNodes.Forget(stale);
    }
}
