using System.Buffers;
using System.Text;

namespace EtcdNet.Transport.Http2;

/// <summary>
/// Encodes gRPC request headers as HPACK literals that never touch the dynamic table (RFC 7541 §6.2.2), so the
/// encoder keeps no state: the fields every call of a connection shares are encoded once, the path, deadline and
/// metadata per call.
/// </summary>
internal static class HpackRequestEncoder
{
    /// <summary>
    /// The header fields common to every call on one connection: the pseudo-header fields (method, scheme,
    /// authority) and the regular ones (content type, te, user agent, the user's headers), which must come after the path.
    /// </summary>
    public static (byte[] Pseudo, byte[] Regular) EncodeCommon(string authority, bool tls, string userAgent, IReadOnlyList<KeyValuePair<string, string>> extra)
    {
        var pseudo = new ArrayBufferWriter<byte>(64);
        WriteIndexed(pseudo, HpackStaticTable.MethodPost);
        WriteIndexed(pseudo, tls ? HpackStaticTable.SchemeHttps : HpackStaticTable.SchemeHttp);
        WriteLiteral(pseudo, HpackStaticTable.Authority, authority);
        var regular = new ArrayBufferWriter<byte>(96);
        WriteLiteral(regular, HpackStaticTable.ContentType, "application/grpc");
        WriteLiteral(regular, "te", "trailers");
        WriteLiteral(regular, HpackStaticTable.UserAgent, userAgent);
        foreach (var (name, value) in extra)
        {
            WriteLiteral(regular, name.ToLowerInvariant(), value);
        }

        return (pseudo.WrittenSpan.ToArray(), regular.WrittenSpan.ToArray());
    }

    /// <summary>Appends a call's header block: the common fields around its path, then its deadline and metadata.</summary>
    public static void EncodeCall(ArrayBufferWriter<byte> writer, (byte[] Pseudo, byte[] Regular) common, string path, CallHeaders headers)
    {
        writer.Write(common.Pseudo);
        WriteLiteral(writer, HpackStaticTable.Path, path);
        writer.Write(common.Regular);
        if (headers.Timeout is { } timeout && timeout != Timeout.InfiniteTimeSpan)
        {
            WriteLiteral(writer, GrpcTimeout.Header, GrpcTimeout.Encode(timeout));
        }

        if (headers.Metadata is { } metadata)
        {
            foreach (var (key, value) in metadata)
            {
                WriteLiteral(writer, key.ToLowerInvariant(), value);
            }
        }
    }

    private static void WriteIndexed(ArrayBufferWriter<byte> writer, int index)
    {
        var span = writer.GetSpan(1);
        span[0] = (byte)(0x80 | index); // every static index used here is below 127
        writer.Advance(1);
    }

    private static void WriteLiteral(ArrayBufferWriter<byte> writer, int nameIndex, string value)
    {
        WriteInteger(writer, 0x00, 4, nameIndex); // literal without indexing, indexed name
        WriteString(writer, value);
    }

    private static void WriteLiteral(ArrayBufferWriter<byte> writer, string name, string value)
    {
        WriteInteger(writer, 0x00, 4, 0); // literal without indexing, new name
        WriteString(writer, name);
        WriteString(writer, value);
    }

    private static void WriteString(ArrayBufferWriter<byte> writer, string value)
    {
        var length = Encoding.Latin1.GetByteCount(value);
        WriteInteger(writer, 0x00, 7, length); // not Huffman-coded
        var span = writer.GetSpan(length);
        Encoding.Latin1.GetBytes(value, span);
        writer.Advance(length);
    }

    /// <summary>Writes an HPACK integer with <paramref name="prefixBits"/> bits in the first octet, after <paramref name="flags"/>.</summary>
    internal static void WriteInteger(ArrayBufferWriter<byte> writer, byte flags, int prefixBits, int value)
    {
        var span = writer.GetSpan(6);
        var max = (1 << prefixBits) - 1;
        if (value < max)
        {
            span[0] = (byte)(flags | value);
            writer.Advance(1);
            return;
        }

        span[0] = (byte)(flags | max);
        var n = 1;
        value -= max;
        while (value >= 0x80)
        {
            span[n++] = (byte)((value & 0x7F) | 0x80);
            value >>= 7;
        }

        span[n++] = (byte)value;
        writer.Advance(n);
    }
}
