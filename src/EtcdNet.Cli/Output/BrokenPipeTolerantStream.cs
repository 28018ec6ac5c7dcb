namespace EtcdNet.Cli.Output;

/// <summary>
/// A standard stream whose writes stop quietly once the reader has gone (EPIPE, as in <c>etcdnet get --prefix "" |
/// head</c>), as .NET's console does: the command goes on and exits normally, and nothing is printed about it.
/// </summary>
internal sealed class BrokenPipeTolerantStream(FileStream inner) : Stream
{
    private const int BrokenPipe = 32; // EPIPE on Linux and macOS
    private volatile bool _broken;

    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => false;

    public override bool CanWrite => inner.CanWrite;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
        if (!_broken)
        {
            Guard(inner.Flush);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.ReadAsync(buffer, offset, count, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count)
    {
        if (!_broken)
        {
            Guard(() => inner.Write(buffer, offset, count));
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_broken)
        {
            return;
        }

        try
        {
            await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e) when (IsBrokenPipe(e))
        {
            _broken = true;
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private static bool IsBrokenPipe(IOException e) => (e.HResult & 0xFFFF) == BrokenPipe || e.Message.Contains("Broken pipe", StringComparison.OrdinalIgnoreCase);

    private void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (IOException e) when (IsBrokenPipe(e))
        {
            _broken = true;
        }
    }
}
