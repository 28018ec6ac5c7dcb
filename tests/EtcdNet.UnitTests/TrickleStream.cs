using System.Buffers.Binary;
using EtcdNet.Protocol.Rpc;
using EtcdNet.Transport;
using Google.Protobuf;

namespace EtcdNet.UnitTests;

/// <summary>A stream that hands out its data one byte per read, to exercise partial reads.</summary>
/// <summary>A read-only stream that hands out at most one byte per read.</summary>
internal sealed class TrickleStream(byte[] data) : Stream
{
    private int _position;

    public int Reads { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        Reads++;
        if (buffer.IsEmpty || _position >= data.Length)
        {
            return 0;
        }

        buffer[0] = data[_position++];
        return 1;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(Read(buffer.Span));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
