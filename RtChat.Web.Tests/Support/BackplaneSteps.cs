using Microsoft.Extensions.DependencyInjection;
using RtChat.Web.Data;
using RtChat.Web.Realtime;

namespace RtChat.Web.Tests.Support;

public static class BackplaneSteps
{
    /// <summary>Publishes a stored message's frame to its room again: as if another node delivered it late (or twice).</summary>
    public static async Task PublishAgainAsync(this RtChatApp app, string room, long messageId)
    {
        var roomId = await app.RoomIdAsync(room);
        await using var scope = app.Services.CreateAsyncScope();
        var view = (await scope.ServiceProvider.GetRequiredService<ChatHistory>().ManyAsync([messageId])).Single();
        var frame = await app.Services.GetRequiredService<ChatFrames>().MessageAsync(roomId, view);
        await app.Services.GetRequiredService<IBackplane>().PublishAsync(frame);
    }
}
