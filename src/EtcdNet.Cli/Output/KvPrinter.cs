using EtcdNet.Cli.Commands;
using EtcdNet.Cli.Errors;

namespace EtcdNet.Cli.Output;

/// <summary>Prints key-value responses in the --write-out format, as etcdctl does.</summary>
internal static class KvPrinter
{
    public static void Put(CommandContext context, PutResponse response)
    {
        var settings = context.Settings;
        var output = context.Console.Out;
        switch (settings.Format)
        {
            case OutputFormat.Simple:
                output.WriteLine("OK");
                if (response.PrevKv is { } prev)
                {
                    WriteKv(output, prev, settings.Hex);
                }

                break;
            case OutputFormat.Json:
                var json = new GoJson().StartObject().WriteHeader(response.Header);
                if (response.PrevKv is { } prevKv)
                {
                    json.Name("prev_kv");
                    WriteJson(json, prevKv);
                }

                output.WriteLine(json.EndObject().ToString());
                break;
            case OutputFormat.Fields:
                HeaderPrinter.WriteFields(output, response.Header);
                if (response.PrevKv is { } prevField)
                {
                    WriteFields(output, "Prev", prevField);
                }

                break;
            default:
                throw CliException.BadFeature($"{settings.Format.ToString().ToLowerInvariant()} output is not supported by put yet");
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

    /// <summary>etcdctl's simple form of a key-value: the key on one line, the value on the next.</summary>
    public static void WriteKv(TextWriter output, KeyValue kv, bool hex)
    {
        output.WriteLine(BytesText.Format(kv.Key.Span, hex));
        output.WriteLine(BytesText.Format(kv.Value.Span, hex));
    }
}
