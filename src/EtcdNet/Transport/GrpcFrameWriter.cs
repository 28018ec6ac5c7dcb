using System.Buffers;
using System.Buffers.Binary;
using Google.Protobuf;

namespace EtcdNet.Transport;

/// <summary>Writes length-prefixed gRPC messages (1 flag byte, 4-byte big-endian length) from pooled buffers.</summary>
internal static class GrpcFrameWriter
{
    public const int HeaderSize = 5;

    /// <summary>Serializes <paramref name="message"/> with its frame header into a rented buffer; return it with <see cref="Return"/>.</summary>
    /// <exception cref="GrpcMessageTooLargeException">The message exceeds <paramref name="maxSize"/>.</exception>
    public static byte[] RentChecked(IMessage message, int maxSize, out int frameLength)
        => Rent(message, MeasureChecked(message, maxSize), out frameLength);

    /// <summary>Returns the serialized size of <paramref name="message"/>, failing when it exceeds the send limit.</summary>
    /// <exception cref="GrpcMessageTooLargeException">The message exceeds <paramref name="maxSize"/>.</exception>
    public static int MeasureChecked(IMessage message, int maxSize)
    {
        var size = message.CalculateSize();
        if (size > maxSize)
        {
            throw new GrpcMessageTooLargeException(size, maxSize);
        }

        return size;
    }

    /// <summary>Frames a message whose size was already measured.</summary>
    public static byte[] Rent(IMessage message, int size, out int frameLength)
    {
        frameLength = HeaderSize + size;
        var buffer = ArrayPool<byte>.Shared.Rent(frameLength);
        WriteHeader(buffer, size);
        message.WriteTo(buffer.AsSpan(HeaderSize, size));
        return buffer;
    }

    public static void Return(byte[] buffer) => ArrayPool<byte>.Shared.Return(buffer);

    public static void WriteHeader(Span<byte> destination, int length)
    {
        destination[0] = 0; // not compressed
        BinaryPrimitives.WriteUInt32BigEndian(destination[1..], (uint)length);
    }

    /// <summary>Writes one framed message to a request stream and flushes it (used by duplex streams).</summary>
    public static async ValueTask WriteAsync(Stream stream, IMessage message, int maxSize, CancellationToken cancellationToken)
    {
        var buffer = RentChecked(message, maxSize, out var length);
        try
        {
            await stream.WriteAsync(buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Return(buffer);
        }
    }
}
