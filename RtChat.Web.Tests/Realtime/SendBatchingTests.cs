using System.Net.WebSockets;
using System.Text;
using RtChat.Web.Realtime;
using RtChat.Web.Tests.Support;

namespace RtChat.Web.Tests.Realtime;

/// <summary>What queues up for a socket while a send is under way goes out together, in order, never past the batch size.</summary>
public sealed class SendBatchingTests
{
    [Test]
    public async Task Frames_queued_behind_a_stalled_send_arrive_together_in_order_and_a_large_one_alone()
    {
        var (serverEnd, clientEnd) = PipeStream.Connected(clientBacklog: 1);
        using var server = WebSocket.CreateFromStream(serverEnd, new WebSocketCreationOptions { IsServer = true });
        using var client = WebSocket.CreateFromStream(clientEnd, new WebSocketCreationOptions { IsServer = false });
        var connection = new ChatConnection(server, "room", "user", new RealtimeOptions());
        using var stop = new CancellationTokenSource();
        var running = connection.RunAsync((_, _) => Task.FromResult<IReadOnlyList<RoomFrame>>([]), stop.Token);
        var large = new string('L', ChatConnection.BatchBytes - 4);
        string[] frames = ["<p>a</p>", "<p>b</p>", "<p>c</p>", large, "<p>d</p>", "<p>e</p>"];

        // The client reads nothing yet, so the first send stalls and the rest queue behind it.
        foreach (var frame in frames)
            connection.Enqueue(new RoomFrame("room", Encoding.UTF8.GetBytes(frame)));
        var received = new List<string>();
        while (string.Concat(received).Length < string.Concat(frames).Length)
            received.Add(await ReceiveAsync(client));
        await stop.CancelAsync();
        await running;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(string.Concat(received), Is.EqualTo(string.Concat(frames)), "every frame, once, in order");
            Assert.That(received, Has.Count.LessThan(frames.Length), "queued frames shared a send");
            Assert.That(received, Has.Some.EqualTo(large), "the large frame went alone: with a neighbour it would pass the batch size");
            Assert.That(received.Max(m => Encoding.UTF8.GetByteCount(m)), Is.LessThanOrEqualTo(ChatConnection.BatchBytes));
        }
    }

    private static async Task<string> ReceiveAsync(WebSocket client)
    {
        using var timeout = new CancellationTokenSource(ChatSocket.Patience);
        var buffer = new byte[ChatConnection.BatchBytes * 2];
        var length = 0;
        while (true)
        {
            var result = await client.ReceiveAsync(buffer.AsMemory(length), timeout.Token);
            length += result.Count;
            if (result.EndOfMessage) return Encoding.UTF8.GetString(buffer, 0, length);
        }
    }
}
