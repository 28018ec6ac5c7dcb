using System.Buffers.Binary;
using EtcdNet.Protocol.Rpc;
using EtcdNet.Transport;
using Google.Protobuf;

namespace EtcdNet.UnitTests;

public class GrpcFrameTests
{
    private static PutRequest Message(string key, int valueLength = 3)
        => new() { Key = ByteString.CopyFromUtf8(key), Value = ByteString.CopyFrom(Enumerable.Range(0, valueLength).Select(i => (byte)(i * 31)).ToArray()), Lease = 42 };

    private static byte[] Frame(IMessage message)
    {
        var buffer = GrpcFrameWriter.RentChecked(message, int.MaxValue, out var length);
        try
        {
            return buffer.AsSpan(0, length).ToArray();
        }
        finally
        {
            GrpcFrameWriter.Return(buffer);
        }
    }

    private static ValueTask<PutRequest?> Read(Stream stream, int maxSize = int.MaxValue, bool waitForData = false)
        => GrpcFrameReader.ReadAsync(stream, PutRequest.Parser, maxSize, waitForData, CancellationToken.None);

    [Fact]
    public void RentChecked_writes_flag_zero_big_endian_length_and_the_message()
    {
        var message = Message("key", 300);
        var size = message.CalculateSize();
        Assert.True(size > 255, "the length must need more than one byte for this test");

        var frame = Frame(message);

        Assert.Equal(GrpcFrameWriter.HeaderSize + size, frame.Length);
        Assert.Equal(0, frame[0]);
        Assert.Equal(new byte[] { 0, 0, (byte)(size >> 8), (byte)size }, frame[1..5]);
        Assert.Equal(message.ToByteArray(), frame[5..]);
    }

    [Fact]
    public void WriteHeader_is_big_endian()
    {
        var header = new byte[5];
        header[0] = 0xAA;
        GrpcFrameWriter.WriteHeader(header, 0x01020304);
        Assert.Equal(new byte[] { 0, 1, 2, 3, 4 }, header);
    }

    [Fact]
    public async Task WriteAsync_frames_messages_that_the_reader_reads_back_in_order()
    {
        var messages = new[] { Message("a"), Message("bb", 0), Message("ccc", 100) };
        using var stream = new MemoryStream();
        foreach (var m in messages)
        {
            await GrpcFrameWriter.WriteAsync(stream, m, int.MaxValue, CancellationToken.None);
        }

        Assert.Equal(messages.Sum(m => GrpcFrameWriter.HeaderSize + m.CalculateSize()), stream.Length);
        stream.Position = 0;
        foreach (var expected in messages)
        {
            Assert.Equal(expected, await Read(stream));
        }

        Assert.Null(await Read(stream));
        Assert.Null(await Read(stream));
    }

    [Fact]
    public async Task WriteAllAsync_writes_every_message_in_order_in_one_write_and_one_flush()
    {
        var messages = new[] { Message("a"), Message("bb", 0), Message("ccc", 100) };
        using var stream = new CountingStream();

        await GrpcFrameWriter.WriteAllAsync(stream, messages, int.MaxValue, CancellationToken.None);

        Assert.Equal((1, 1), (stream.Writes, stream.Flushes));
        stream.Position = 0;
        foreach (var expected in messages)
        {
            Assert.Equal(expected, await Read(stream));
        }

        Assert.Null(await Read(stream));
    }

    [Fact]
    public async Task WriteAllAsync_with_one_message_over_the_limit_writes_nothing()
    {
        var messages = new[] { Message("a"), Message("big", 200), Message("c") };
        using var stream = new CountingStream();

        await Assert.ThrowsAsync<GrpcMessageTooLargeException>(() => GrpcFrameWriter.WriteAllAsync(stream, messages, 100, CancellationToken.None).AsTask());

        Assert.Equal((0L, 0), (stream.Length, stream.Writes));
    }

    /// <summary>A memory stream that counts writes and flushes.</summary>
    private sealed class CountingStream : MemoryStream
    {
        public int Writes { get; private set; }

        public int Flushes { get; private set; }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Writes++;
            return base.WriteAsync(buffer, cancellationToken);
        }

        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            Flushes++;
            return base.FlushAsync(cancellationToken);
        }
    }

    [Fact]
    public async Task A_zero_length_message_is_read_as_an_empty_message_not_as_end_of_stream()
    {
        var empty = new PutRequest();
        var frame = Frame(empty);
        Assert.Equal(new byte[] { 0, 0, 0, 0, 0 }, frame);

        using var stream = new MemoryStream([.. frame, .. Frame(Message("after"))]);
        var first = await Read(stream);
        Assert.NotNull(first);
        Assert.Equal(new PutRequest(), first);
        Assert.Equal(Message("after"), await Read(stream));
        Assert.Null(await Read(stream));
    }

    [Fact]
    public async Task An_empty_stream_is_a_clean_end()
    {
        using var stream = new MemoryStream();
        Assert.Null(await Read(stream));
        Assert.Null(await Read(stream, waitForData: true));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task A_truncated_header_throws(int headerBytes)
    {
        var frame = Frame(Message("k"));
        using var stream = new MemoryStream(frame[..headerBytes]);
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => Read(stream).AsTask());
        Assert.Contains("header", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task A_truncated_body_throws(int missing)
    {
        var frame = Frame(Message("key", 20));
        var truncated = frame[..^(missing + 1)];
        using var stream = new MemoryStream(truncated);
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => Read(stream).AsTask());
        Assert.Contains($"{truncated.Length - 5} of {frame.Length - 5} bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_header_announcing_a_body_that_never_comes_throws()
    {
        using var stream = new MemoryStream([0, 0, 0, 0, 10]);
        await Assert.ThrowsAsync<InvalidDataException>(() => Read(stream).AsTask());
    }

    [Fact]
    public async Task A_compressed_flag_throws()
    {
        var frame = Frame(Message("k"));
        frame[0] = 1;
        using var stream = new MemoryStream(frame);
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => Read(stream).AsTask());
        Assert.Contains("compressed", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(0x80)]
    [InlineData(0xFF)]
    public async Task An_unknown_flag_throws(byte flag)
    {
        var frame = Frame(Message("k"));
        frame[0] = flag;
        using var stream = new MemoryStream(frame);
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => Read(stream).AsTask());
        Assert.Contains($"flag {flag}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_length_over_maxSize_throws_and_one_at_maxSize_is_read()
    {
        var message = Message("key", 50);
        var size = message.CalculateSize();
        var frame = Frame(message);

        using (var stream = new MemoryStream(frame))
        {
            var e = await Assert.ThrowsAsync<InvalidDataException>(() => Read(stream, maxSize: size - 1).AsTask());
            Assert.Contains($"{size} bytes", e.Message, StringComparison.Ordinal);
        }

        using (var stream = new MemoryStream(frame))
        {
            Assert.Equal(message, await Read(stream, maxSize: size));
        }
    }

    [Fact]
    public void ParseHeader_rejects_a_length_above_int_MaxValue()
    {
        byte[] header = [0, 0xFF, 0xFF, 0xFF, 0xFF];
        Assert.Throws<InvalidDataException>(() => GrpcFrameReader.ParseHeader(header, int.MaxValue));

        header = [0, 0x7F, 0xFF, 0xFF, 0xFF];
        Assert.Equal(int.MaxValue, GrpcFrameReader.ParseHeader(header, int.MaxValue));
    }

    [Fact]
    public void ParseHeader_returns_the_big_endian_length()
    {
        Assert.Equal(0x00010203, GrpcFrameReader.ParseHeader([0, 0, 1, 2, 3], int.MaxValue));
        Assert.Equal(0, GrpcFrameReader.ParseHeader([0, 0, 0, 0, 0], 0));
    }

    [Theory]
    [InlineData(4086)]     // body of exactly 4096 bytes: fills the reader's initial buffer
    [InlineData(4087)]     // body of 4097 bytes: one more than the initial buffer
    [InlineData(5000)]
    [InlineData(100_000)]
    [InlineData(1_000_000)]
    public async Task Bodies_larger_than_the_initial_buffer_are_read(int valueLength)
    {
        var big = Message("big", valueLength);
        Assert.True(big.CalculateSize() >= 4096);
        var small = Message("small");
        using var stream = new MemoryStream([.. Frame(big), .. Frame(small), .. Frame(big)]);

        Assert.Equal(big, await Read(stream));
        Assert.Equal(small, await Read(stream));
        Assert.Equal(big, await Read(stream));
        Assert.Null(await Read(stream));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_stream_that_returns_one_byte_per_read_still_works(bool waitForData)
    {
        var messages = new[] { Message("a"), new PutRequest(), Message("big", 6000), Message("z", 1) };
        var bytes = messages.SelectMany(Frame).ToArray();
        using var stream = new TrickleStream(bytes);

        foreach (var expected in messages)
        {
            Assert.Equal(expected, await Read(stream, waitForData: waitForData));
        }

        Assert.Null(await Read(stream, waitForData: waitForData));
        Assert.True(stream.Reads > bytes.Length, "every byte must have been delivered by its own read");
    }

    [Fact]
    public async Task A_trickling_stream_that_ends_inside_the_header_still_throws()
    {
        using var stream = new TrickleStream([0, 0, 0]);
        await Assert.ThrowsAsync<InvalidDataException>(() => Read(stream).AsTask());
    }

    [Fact]
    public async Task A_trickling_stream_that_ends_inside_the_body_still_throws()
    {
        var frame = Frame(Message("key", 100));
        using var stream = new TrickleStream(frame[..^1]);
        await Assert.ThrowsAsync<InvalidDataException>(() => Read(stream).AsTask());
    }

    [Fact]
    public void MeasureChecked_returns_the_size_up_to_the_limit_and_throws_over_it()
    {
        var message = Message("key", 100);
        var size = message.CalculateSize();

        Assert.Equal(size, GrpcFrameWriter.MeasureChecked(message, size));
        Assert.Equal(size, GrpcFrameWriter.MeasureChecked(message, int.MaxValue));

        var e = Assert.Throws<GrpcMessageTooLargeException>(() => GrpcFrameWriter.MeasureChecked(message, size - 1));
        Assert.Equal((size, size - 1), (e.Size, e.Limit));
        Assert.Contains($"{size} bytes", e.Message, StringComparison.Ordinal);
        Assert.Contains($"{size - 1} bytes", e.Message, StringComparison.Ordinal);

        var error = Errors.EtcdErrorMapper.TooLarge(e);
        Assert.Equal(GrpcStatusCode.InvalidArgument, error.StatusCode);
        Assert.Null(error.ServerMessage);
        Assert.Contains("MaxSendMessageSize", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public void RentChecked_throws_over_the_limit()
    {
        var message = Message("key", 100);
        var size = message.CalculateSize();
        Assert.Throws<GrpcMessageTooLargeException>(() => GrpcFrameWriter.RentChecked(message, size - 1, out _));

        var buffer = GrpcFrameWriter.RentChecked(message, size, out var length);
        GrpcFrameWriter.Return(buffer);
        Assert.Equal(size + GrpcFrameWriter.HeaderSize, length);
    }

    [Fact]
    public async Task WriteAsync_throws_over_the_limit_and_writes_nothing()
    {
        var message = Message("key", 100);
        using var stream = new MemoryStream();
        await Assert.ThrowsAsync<GrpcMessageTooLargeException>(() => GrpcFrameWriter.WriteAsync(stream, message, message.CalculateSize() - 1, CancellationToken.None).AsTask());
        Assert.Equal(0, stream.Length);
    }

    [Fact]
    public void Frame_length_field_matches_BinaryPrimitives()
    {
        var message = Message("k", 70_000);
        var frame = Frame(message);
        Assert.Equal((uint)message.CalculateSize(), BinaryPrimitives.ReadUInt32BigEndian(frame.AsSpan(1, 4)));
    }
}
