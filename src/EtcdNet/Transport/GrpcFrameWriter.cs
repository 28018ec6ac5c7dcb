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

    /// <summary>Writes several framed messages to a request stream in one write, then flushes it once.</summary>
    /// <exception cref="GrpcMessageTooLargeException">A message exceeds <paramref name="maxSize"/>; nothing is written.</exception>
    public static async ValueTask WriteAllAsync(Stream stream, IReadOnlyList<IMessage> messages, int maxSize, CancellationToken cancellationToken)
    {
        var total = 0;
        var sizes = ArrayPool<int>.Shared.Rent(messages.Count);
        byte[]? buffer = null;
        try
        {
            for (var i = 0; i < messages.Count; i++)
            {
                sizes[i] = MeasureChecked(messages[i], maxSize);
                total = checked(total + HeaderSize + sizes[i]);
            }

            buffer = ArrayPool<byte>.Shared.Rent(total);
            var offset = 0;
            for (var i = 0; i < messages.Count; i++)
            {
                WriteHeader(buffer.AsSpan(offset), sizes[i]);
                messages[i].WriteTo(buffer.AsSpan(offset + HeaderSize, sizes[i]));
                offset += HeaderSize + sizes[i];
            }

            await stream.WriteAsync(buffer.AsMemory(0, total), cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(sizes);
            if (buffer is not null)
            {
                Return(buffer);
            }
        }
    }
}
