using EtcdNet.Cli.Commands;
using EtcdNet.Cli.Errors;

namespace EtcdNet.Cli.Output;

/// <summary>Prints key-value responses (put, get, del) in the --write-out format, as etcdctl does.</summary>
internal static class KvPrinter
{
    public static void Put(CommandContext context, PutResponse response)
    {
        var settings = context.Settings;
        var output = context.Console.Out;
        switch (settings.Format)
        {
            case OutputFormat.Simple:
                PutSimple(output, response, settings.Hex);
                break;
            case OutputFormat.Json:
                var json = new GoJson();
                PutJson(json, response);
                output.WriteLine(json.ToString());
                break;
            case OutputFormat.Fields:
                PutFields(output, response);
                break;
            case OutputFormat.Protobuf:
                ProtobufPrinter.Put(context.Console, response);
                break;
            default:
                throw Unsupported(settings.Format);
        }
    }

    public static void Get(CommandContext context, GetResponse response, bool valueOnly)
    {
        var settings = context.Settings;
        var output = context.Console.Out;
        switch (settings.Format)
        {
            case OutputFormat.Simple:
                GetSimple(output, response, settings.Hex, valueOnly);
                break;
            case OutputFormat.Json:
                var json = new GoJson();
                GetJson(json, response);
                output.WriteLine(json.ToString());
                break;
            case OutputFormat.Fields:
                GetFields(output, response);
                break;
            case OutputFormat.Protobuf:
                ProtobufPrinter.Get(context.Console, response);
                break;
            default:
                throw Unsupported(settings.Format);
        }
    }

    public static void Delete(CommandContext context, DeleteResponse response)
    {
        var settings = context.Settings;
        var output = context.Console.Out;
        switch (settings.Format)
        {
            case OutputFormat.Simple:
                DeleteSimple(output, response, settings.Hex);
                break;
            case OutputFormat.Json:
                var json = new GoJson();
                DeleteJson(json, response);
                output.WriteLine(json.ToString());
                break;
            case OutputFormat.Fields:
                DeleteFields(output, response);
                break;
            case OutputFormat.Protobuf:
                ProtobufPrinter.Delete(context.Console, response);
                break;
            default:
                throw Unsupported(settings.Format);
        }
    }

    /// <summary>etcdctl's error for a format a key-value command does not print (exit 4).</summary>
    public static CliException Unsupported(OutputFormat format)
        => CliException.BadFeature($"{format.ToString().ToLowerInvariant()} not supported as output format");

    public static void PutSimple(TextWriter output, PutResponse response, bool hex)
    {
        output.WriteLine("OK");
        if (response.PrevKv is { } prev)
        {
            WriteKv(output, prev, hex, valueOnly: false);
        }
    }

    public static void GetSimple(TextWriter output, GetResponse response, bool hex, bool valueOnly)
    {
        foreach (var kv in response.Kvs)
        {
            WriteKv(output, kv, hex, valueOnly);
        }
    }

    public static void DeleteSimple(TextWriter output, DeleteResponse response, bool hex)
    {
        output.WriteLine(response.Deleted.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var kv in response.PrevKvs)
        {
            WriteKv(output, kv, hex, valueOnly: false);
        }
    }

    /// <summary>Go's JSON of etcdserverpb.PutResponse.</summary>
    public static void PutJson(GoJson json, PutResponse response)
    {
        json.StartObject().WriteHeader(response.Header);
        if (response.PrevKv is { } prev)
        {
            json.Name("prev_kv");
            WriteJson(json, prev);
        }

        json.EndObject();
    }

    /// <summary>Go's JSON of etcdserverpb.RangeResponse.</summary>
    public static void GetJson(GoJson json, GetResponse response)
    {
        json.StartObject().WriteHeader(response.Header);
        WriteJsonList(json, "kvs", response.Kvs);
        if (response.More)
        {
            json.Field("more", true);
        }

        if (response.Count != 0)
        {
            json.Field("count", response.Count);
        }

        json.EndObject();
    }

    /// <summary>Go's JSON of etcdserverpb.DeleteRangeResponse.</summary>
    public static void DeleteJson(GoJson json, DeleteResponse response)
    {
        json.StartObject().WriteHeader(response.Header);
        if (response.Deleted != 0)
        {
            json.Field("deleted", response.Deleted);
        }

        WriteJsonList(json, "prev_kvs", response.PrevKvs);
        json.EndObject();
    }

    public static void PutFields(TextWriter output, PutResponse response)
    {
        HeaderPrinter.WriteFields(output, response.Header);
        if (response.PrevKv is { } prev)
        {
            WriteFields(output, "Prev", prev);
        }
    }

    public static void GetFields(TextWriter output, GetResponse response)
    {
        HeaderPrinter.WriteFields(output, response.Header);
        foreach (var kv in response.Kvs)
        {
            WriteFields(output, string.Empty, kv);
        }

        output.WriteLine($"\"More\" : {(response.More ? "true" : "false")}");
        output.WriteLine($"\"Count\" : {response.Count}");
    }

    public static void DeleteFields(TextWriter output, DeleteResponse response)
    {
        HeaderPrinter.WriteFields(output, response.Header);
        output.WriteLine($"\"Deleted\" : {response.Deleted}");
        foreach (var kv in response.PrevKvs)
        {
            WriteFields(output, "Prev", kv);
        }
    }

    /// <summary>A key-value as Go's JSON of mvccpb.KeyValue (zero fields omitted).</summary>
    public static void WriteJson(GoJson json, KeyValue kv)
    {
        json.StartObject();
        if (!kv.Key.IsEmpty)
        {
            json.BytesField("key", kv.Key.Span);
        }

        if (kv.CreateRevision != 0)
        {
            json.Field("create_revision", kv.CreateRevision);
        }

        if (kv.ModRevision != 0)
        {
            json.Field("mod_revision", kv.ModRevision);
        }

        if (kv.Version != 0)
        {
            json.Field("version", kv.Version);
        }

        if (!kv.Value.IsEmpty)
        {
            json.BytesField("value", kv.Value.Span);
        }

        if (kv.Lease != 0)
        {
            json.Field("lease", kv.Lease);
        }

        json.EndObject();
    }

    /// <summary>A key-value in fields output, each name prefixed with <paramref name="prefix"/> ("" or "Prev").</summary>
    public static void WriteFields(TextWriter output, string prefix, KeyValue kv)
    {
        output.WriteLine($"\"{prefix}Key\" : {GoQuote.Quote(kv.Key.Span)}");
        output.WriteLine($"\"{prefix}CreateRevision\" : {kv.CreateRevision}");
        output.WriteLine($"\"{prefix}ModRevision\" : {kv.ModRevision}");
        output.WriteLine($"\"{prefix}Version\" : {kv.Version}");
        output.WriteLine($"\"{prefix}Value\" : {GoQuote.Quote(kv.Value.Span)}");
        output.WriteLine($"\"{prefix}Lease\" : {kv.Lease}");
    }

    /// <summary>etcdctl's simple form of a key-value: the key on one line (unless value-only), the value on the next.</summary>
    public static void WriteKv(TextWriter output, KeyValue kv, bool hex, bool valueOnly)
    {
        if (!valueOnly)
        {
            output.WriteLine(KvText.Format(kv.Key.Span, hex));
        }

        output.WriteLine(KvText.Format(kv.Value.Span, hex));
    }

    private static void WriteJsonList(GoJson json, string name, IReadOnlyList<KeyValue> kvs)
    {
        if (kvs.Count == 0)
        {
            return;
        }

        json.Name(name).StartArray();
        foreach (var kv in kvs)
        {
            WriteJson(json, kv);
        }

        json.EndArray();
    }
}
