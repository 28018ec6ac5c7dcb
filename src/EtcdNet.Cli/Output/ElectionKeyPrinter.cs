using EtcdNet.Cli.Commands;

namespace EtcdNet.Cli.Output;

/// <summary>
/// Prints the key a lock or an election holds, read back as a range response, as etcdctl's lock and elect print it:
/// key and value lines (simple), the range response (json, fields).
/// </summary>
internal static class ElectionKeyPrinter
{
    public static void Get(CommandContext context, GetResponse response)
    {
        var settings = context.Settings;
        var output = context.Console.Out;
        switch (settings.Format)
        {
            case OutputFormat.Simple:
                foreach (var kv in response.Kvs)
                {
                    KvPrinter.WriteKv(output, kv, settings.Hex, valueOnly: false);
                }

                break;
            case OutputFormat.Json:
                var json = new GoJson().StartObject().WriteHeader(response.Header);
                WriteKvs(json, response.Kvs);
                if (response.More)
                {
                    json.Field("more", true);
                }

                if (response.Count != 0)
                {
                    json.Field("count", response.Count);
                }

                output.WriteLine(json.EndObject().ToString());
                break;
            case OutputFormat.Fields:
                HeaderPrinter.WriteFields(output, response.Header);
                foreach (var kv in response.Kvs)
                {
                    KvPrinter.WriteFields(output, string.Empty, kv);
                }

                output.WriteLine("\"More\" : " + (response.More ? "true" : "false"));
                output.WriteLine("\"Count\" : " + response.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            default:
                throw AuthPrinter.Unsupported(settings.Format);
        }
    }

    /// <summary>
    /// One observed leader. Simple output is etcdctl's (key and value lines); json and fields print the key-value as
    /// a range response without a header (etcdctl's observer reuses a response whose header and count this client does not see).
    /// </summary>
    public static void Leader(CommandContext context, KeyValue leader)
    {
        var settings = context.Settings;
        var output = context.Console.Out;
        switch (settings.Format)
        {
            case OutputFormat.Simple:
                KvPrinter.WriteKv(output, leader, settings.Hex, valueOnly: false);
                break;
            case OutputFormat.Json:
                var json = new GoJson().StartObject();
                WriteKvs(json, [leader]);
                output.WriteLine(json.EndObject().ToString());
                break;
            case OutputFormat.Fields:
                KvPrinter.WriteFields(output, string.Empty, leader);
                break;
            default:
                throw AuthPrinter.Unsupported(settings.Format);
        }

        output.Flush();
    }

    private static void WriteKvs(GoJson json, IReadOnlyList<KeyValue> kvs)
    {
        if (kvs.Count == 0)
        {
            return;
        }

        json.Name("kvs").StartArray();
        foreach (var kv in kvs)
        {
            KvPrinter.WriteJson(json, kv);
        }

        json.EndArray();
    }
}
