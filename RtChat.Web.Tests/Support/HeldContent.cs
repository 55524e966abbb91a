using System.Net;

namespace RtChat.Web.Tests.Support;

/// <summary>A request body sent half, then held until <paramref name="release"/> completes: its request stays in flight meanwhile.</summary>
public sealed class HeldContent(byte[] body, Task release) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await stream.WriteAsync(body.AsMemory(0, body.Length / 2));
        await stream.FlushAsync();
        await release;
        await stream.WriteAsync(body.AsMemory(body.Length / 2));
    }

    protected override bool TryComputeLength(out long length)
    {
        length = body.Length;
        return true;
    }
}
