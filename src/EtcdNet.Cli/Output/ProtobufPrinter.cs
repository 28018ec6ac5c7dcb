using Google.Protobuf;

namespace EtcdNet.Cli.Output;

/// <summary>
/// <c>-w protobuf</c>: the response in etcd's own protobuf encoding (etcdserverpb's RangeResponse, PutResponse,
/// DeleteRangeResponse), written raw to standard output as etcdctl writes it. Fields are written in field-number
/// order and those with default values left out, as both protobuf encoders etcd's tools use do.
/// </summary>
internal static class ProtobufPrinter
{
    public static void Get(CliConsole console, GetResponse response) => Write(console, output =>
    {
        Header(output, 1, response.Header);
        foreach (var kv in response.Kvs)
        {
            Message(output, 2, inner => KeyValue(inner, kv));
        }

        Bool(output, 3, response.More);
        Int64(output, 4, response.Count);
    });

    public static void Put(CliConsole console, PutResponse response) => Write(console, output =>
    {
        Header(output, 1, response.Header);
        if (response.PrevKv is { } previous)
        {
            Message(output, 2, inner => KeyValue(inner, previous));
        }
    });

    public static void Delete(CliConsole console, DeleteResponse response) => Write(console, output =>
    {
        Header(output, 1, response.Header);
        Int64(output, 2, response.Deleted);
        foreach (var kv in response.PrevKvs)
        {
            Message(output, 3, inner => KeyValue(inner, kv));
        }
    });

    private static void Write(CliConsole console, Action<CodedOutputStream> encode)
    {
        var bytes = Encode(encode);
        if (console.OpenBinaryOut is { } open)
        {
            console.Out.Flush();
            using var raw = open();
            raw.Write(bytes);
            raw.Flush();
        }
        else
        {
            // A captured console (tests): one char per byte keeps the bytes comparable.
            console.Out.Write(System.Text.Encoding.Latin1.GetString(bytes));
        }
    }

    private static byte[] Encode(Action<CodedOutputStream> encode)
    {
        using var buffer = new MemoryStream();
        using (var output = new CodedOutputStream(buffer, leaveOpen: true))
        {
            encode(output);
        }

        return buffer.ToArray();
    }

    private static void Header(CodedOutputStream output, int field, ResponseHeader header) => Message(output, field, inner =>
    {
        UInt64(inner, 1, header.ClusterId);
        UInt64(inner, 2, header.MemberId);
        Int64(inner, 3, header.Revision);
        UInt64(inner, 4, header.RaftTerm);
    });

    private static void KeyValue(CodedOutputStream output, KeyValue kv)
    {
        Bytes(output, 1, kv.Key);
        Int64(output, 2, kv.CreateRevision);
        Int64(output, 3, kv.ModRevision);
        Int64(output, 4, kv.Version);
        Bytes(output, 5, kv.Value);
        Int64(output, 6, kv.Lease);
    }

    private static void Message(CodedOutputStream output, int field, Action<CodedOutputStream> encode)
    {
        var bytes = Encode(encode);
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(bytes));
    }

    private static void Bytes(CodedOutputStream output, int field, ReadOnlyMemory<byte> value)
    {
        if (!value.IsEmpty)
        {
            output.WriteTag(field, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(value.Span));
        }
    }

    private static void Int64(CodedOutputStream output, int field, long value)
    {
        if (value != 0)
        {
            output.WriteTag(field, WireFormat.WireType.Varint);
            output.WriteInt64(value);
        }
    }

    private static void UInt64(CodedOutputStream output, int field, ulong value)
    {
        if (value != 0)
        {
            output.WriteTag(field, WireFormat.WireType.Varint);
            output.WriteUInt64(value);
        }
    }

    private static void Bool(CodedOutputStream output, int field, bool value)
    {
        if (value)
        {
            output.WriteTag(field, WireFormat.WireType.Varint);
            output.WriteBool(value);
        }
    }
}
