using System.Buffers;
using System.Buffers.Binary;
using Google.Protobuf;

namespace EtcdNet.Transport;

/// <summary>Reads length-prefixed gRPC messages from a response stream into pooled buffers.</summary>
internal static class GrpcFrameReader
{
    /// <summary>
    /// Reads the next message, or returns null at a clean end of stream. When
    /// <paramref name="waitForData"/> is set, a zero-byte read is issued first so that no buffer is
    /// held while a long-lived stream is idle.
    /// </summary>
    /// <exception cref="InvalidDataException">The frame is truncated, compressed, or larger than <paramref name="maxSize"/>.</exception>
    public static async ValueTask<T?> ReadAsync<T>(Stream stream, MessageParser<T> parser, int maxSize, bool waitForData, CancellationToken cancellationToken)
        where T : class, IMessage<T>
    {
        if (waitForData)
        {
            await stream.ReadAsync(Memory<byte>.Empty, cancellationToken).ConfigureAwait(false);
        }

        byte[]? buffer = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            var read = await stream.ReadAtLeastAsync(buffer.AsMemory(0, GrpcFrameWriter.HeaderSize), GrpcFrameWriter.HeaderSize, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return null;
            }

            if (read < GrpcFrameWriter.HeaderSize)
            {
                throw new InvalidDataException("The response ended inside a gRPC message header.");
            }

            var length = ParseHeader(buffer, maxSize);
            if (length > buffer.Length)
            {
                var small = buffer;
                buffer = null; // never returned twice, even if renting the larger one throws
                ArrayPool<byte>.Shared.Return(small);
                buffer = ArrayPool<byte>.Shared.Rent(length);
            }

            var body = buffer.AsMemory(0, length);
            if (length > 0)
            {
                var got = await stream.ReadAtLeastAsync(body, length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                if (got < length)
                {
                    throw new InvalidDataException($"The response ended inside a gRPC message ({got} of {length} bytes).");
                }
            }

            return parser.ParseFrom(body.Span);
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>Validates a 5-byte frame header and returns the message length.</summary>
    public static int ParseHeader(ReadOnlySpan<byte> header, int maxSize)
    {
        if (header[0] != 0)
        {
            throw new InvalidDataException(header[0] == 1
                ? "The server sent a compressed message, but no compression was negotiated."
                : $"Invalid gRPC frame flag {header[0]}.");
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (length > (uint)maxSize)
        {
            throw new InvalidDataException($"The response message is {length} bytes, over the receive limit of {maxSize} bytes (EtcdClientOptions.MaxReceiveMessageSize).");
        }

        return (int)length;
    }
}
