namespace RtChat.Web.Realtime;

/// <summary>Carries frames to every node's local sockets: in process on one node, Redis pub/sub on several.</summary>
public interface IBackplane
{
    Task PublishAsync(SocketFrame frame, CancellationToken cancellationToken = default);
}

internal sealed class InProcessBackplane(LocalSockets sockets) : IBackplane
{
    public Task PublishAsync(SocketFrame frame, CancellationToken cancellationToken = default)
    {
        sockets.Deliver(frame);
        return Task.CompletedTask;
    }
}
