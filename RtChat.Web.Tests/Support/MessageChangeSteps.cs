using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RtChat.Web.Data;
using RtChat.Web.Domain.Chat;
using RtChat.Web.Realtime;

namespace RtChat.Web.Tests.Support;

/// <summary>Changes of sent messages made through the app's own service, as its pages make them.</summary>
public static class MessageChangeSteps
{
    public static Task EditAsync(this RtChatApp app, long messageId, string body) =>
        app.ChangeAsync(messageId, m => m.Edit(m.AuthorId, body, new MessageRules(), DateTimeOffset.UtcNow, TimeSpan.FromHours(1)));

    public static Task DeleteAsync(this RtChatApp app, long messageId) =>
        app.ChangeAsync(messageId, m => m.Delete(m.AuthorId, DateTimeOffset.UtcNow));

    /// <summary>An admin's deletion: the message is gone for good.</summary>
    public static async Task AdminDeletesMessageAsync(this RtChatApp app, long messageId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MessageDeletion>().DeleteAsync(m => m.Id == messageId);
    }

    /// <summary>The room's newest change id, as a room page loaded now would say it.</summary>
    public static async Task<long> NewestChangeAsync(this RtChatApp app, string room)
    {
        var roomId = await app.RoomIdAsync(room);
        return await app.QueryAsync(db => db.NewestChangeAsync(roomId));
    }

    private static async Task ChangeAsync(this RtChatApp app, long messageId, Func<ChatMessage, bool> change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var message = await db.Messages.Include(m => m.Attachment).SingleAsync(m => m.Id == messageId);
        if (!change(message)) throw new InvalidOperationException($"Message {messageId} did not change.");
        await scope.ServiceProvider.GetRequiredService<MessageUpdates>().SaveAsync(message);
    }
}
