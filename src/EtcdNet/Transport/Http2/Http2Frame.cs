using System.Buffers;
using System.Buffers.Binary;

namespace EtcdNet.Transport.Http2;

/// <summary>HTTP/2 frame types (RFC 9113 §6).</summary>
internal enum FrameType : byte
{
    Data = 0x0,
    Headers = 0x1,
    Priority = 0x2,
    RstStream = 0x3,
    Settings = 0x4,
    PushPromise = 0x5,
    Ping = 0x6,
    GoAway = 0x7,
    WindowUpdate = 0x8,
    Continuation = 0x9,
}

/// <summary>Frame flags, setting identifiers and error codes used by the client (RFC 9113 §6, §7).</summary>
internal static class Http2
{
    public const int FrameHeaderSize = 9;
    public const int DefaultMaxFrameSize = 16_384;
    public const int DefaultWindow = 65_535;

    public const byte EndStream = 0x1;
    public const byte Ack = 0x1;
    public const byte EndHeaders = 0x4;
    public const byte Padded = 0x8;
    public const byte PriorityFlag = 0x20;

    public const ushort SettingEnablePush = 0x2;
    public const ushort SettingMaxConcurrentStreams = 0x3;
    public const ushort SettingInitialWindowSize = 0x4;
    public const ushort SettingMaxFrameSize = 0x5;

    public const uint NoError = 0x0;
    public const uint ProtocolError = 0x1;
    public const uint RefusedStream = 0x7;
    public const uint Cancel = 0x8;

    /// <summary>The client connection preface (RFC 9113 §3.4).</summary>
    public static ReadOnlySpan<byte> Preface => "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8;

    /// <summary>Appends a frame header; the payload of <paramref name="length"/> bytes follows.</summary>
    public static void WriteFrameHeader(IBufferWriter<byte> writer, int length, FrameType type, byte flags, int streamId)
    {
        var span = writer.GetSpan(FrameHeaderSize);
        span[0] = (byte)(length >> 16);
        span[1] = (byte)(length >> 8);
        span[2] = (byte)length;
        span[3] = (byte)type;
        span[4] = flags;
        BinaryPrimitives.WriteInt32BigEndian(span[5..], streamId & int.MaxValue);
        writer.Advance(FrameHeaderSize);
    }

    /// <summary>Appends a frame with its whole payload.</summary>
    public static void WriteFrame(IBufferWriter<byte> writer, FrameType type, byte flags, int streamId, ReadOnlySpan<byte> payload)
    {
        WriteFrameHeader(writer, payload.Length, type, flags, streamId);
        writer.Write(payload);
    }

    /// <summary>Appends a frame whose payload is one 32-bit value (WINDOW_UPDATE, RST_STREAM).</summary>
    public static void WriteFrame(IBufferWriter<byte> writer, FrameType type, int streamId, uint value)
    {
        Span<byte> payload = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(payload, value);
        WriteFrame(writer, type, 0, streamId, payload);
    }

    /// <summary>Appends a SETTINGS frame with the given (identifier, value) pairs.</summary>
    public static void WriteSettings(IBufferWriter<byte> writer, params ReadOnlySpan<(ushort Id, uint Value)> settings)
    {
        WriteFrameHeader(writer, settings.Length * 6, FrameType.Settings, 0, 0);
        foreach (var (id, value) in settings)
        {
            var span = writer.GetSpan(6);
            BinaryPrimitives.WriteUInt16BigEndian(span, id);
            BinaryPrimitives.WriteUInt32BigEndian(span[2..], value);
            writer.Advance(6);
        }
    }

    /// <summary>A received frame's header.</summary>
    public readonly record struct FrameHeader(int Length, FrameType Type, byte Flags, int StreamId)
    {
        public static FrameHeader Read(ReadOnlySpan<byte> span) => new(
            (span[0] << 16) | (span[1] << 8) | span[2],
            (FrameType)span[3],
            span[4],
            BinaryPrimitives.ReadInt32BigEndian(span[5..]) & int.MaxValue);

        public bool Has(byte flag) => (Flags & flag) != 0;
    }
}
