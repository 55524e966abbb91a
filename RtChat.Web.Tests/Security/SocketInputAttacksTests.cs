using System.Net.WebSockets;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Security;

/// <summary>What a client writes into its own socket, meant to tire the server (refused sockets: <c>SocketOriginAttacksTests</c>).</summary>
public sealed class SocketInputAttacksTests : AppFixture
{
    private const int OneMegabyte = 1024 * 1024;

    [Test]
    public async Task A_1_mb_frame_closes_that_socket_with_1009_and_the_room_goes_on()
    {
        var (attacker, _) = await App.SignedUpAsync("big");
        var (reader, _) = await App.SignedUpAsync("reader");
        using var __ = attacker;
        using var ___ = reader;
        await using var attackerSocket = await ChatSocket.ConnectAsync(App.BaseAddress, attacker, name: "the attacker's socket");
        await using var readerSocket = await ChatSocket.ConnectAsync(App.BaseAddress, reader, name: "the reader's socket");
        await readerSocket.SendResumeAsync(await App.LastMessageIdAsync());

        try
        {
            await attackerSocket.SendTextAsync(new string('x', OneMegabyte));
        }
        catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException)
        {
            // The server may close while the rest of the frame is still on its way.
        }
        await attackerSocket.WaitForEndAsync();
        await (await reader.OpenComposerAsync()).SendAsync("Still here");
        await readerSocket.WaitForMessageAsync(await App.MessageIdAsync("Still here"));

        Assert.That(attackerSocket.Socket.CloseStatus, Is.EqualTo(WebSocketCloseStatus.MessageTooBig), attackerSocket.Failure?.Message);
    }
}
