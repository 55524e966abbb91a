using System.IO.Pipelines;

namespace RtChat.Web.Tests.Support;

/// <summary>One end of an in-memory connection: reads from one pipe, writes to the other (a WebSocket needs one stream).</summary>
public sealed class PipeStream(PipeReader input, PipeWriter output) : Stream
{
    private readonly Stream _input = input.AsStream();
    private readonly Stream _output = output.AsStream();

    /// <summary>
    /// Two connected ends. Writes toward the client wait once <paramref name="clientBacklog"/> unread bytes sit in the
    /// pipe, as a socket's do when its buffers are full: a client that does not read stalls the server's sends.
    /// </summary>
    public static (PipeStream Server, PipeStream Client) Connected(long clientBacklog)
    {
        var toClient = new Pipe(new PipeOptions(pauseWriterThreshold: clientBacklog, resumeWriterThreshold: clientBacklog));
        var toServer = new Pipe();
        return (new PipeStream(toServer.Reader, toClient.Writer), new PipeStream(toClient.Reader, toServer.Writer));
    }

    public override bool CanRead => true;
    public override bool CanWrite => true;
    public override bool CanSeek => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => _input.Read(buffer, offset, count);
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _input.ReadAsync(buffer, cancellationToken);
    public override void Write(byte[] buffer, int offset, int count) => _output.Write(buffer, offset, count);
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => _output.WriteAsync(buffer, cancellationToken);
    public override void Flush() => _output.Flush();
    public override Task FlushAsync(CancellationToken cancellationToken) => _output.FlushAsync(cancellationToken);
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _input.Dispose();
            _output.Dispose();
        }
        base.Dispose(disposing);
    }
}
