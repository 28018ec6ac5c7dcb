using System.Globalization;
using EtcdNet.Cli.Global;

namespace EtcdNet.Cli.Output;

/// <summary>Prints watch responses in the --write-out format, as etcdctl does (one block or JSON line per response).</summary>
internal static class WatchPrinter
{
    /// <summary>etcdctl's name of an event type: PUT or DELETE.</summary>
    public static string TypeName(WatchEventType type) => type == WatchEventType.Delete ? "DELETE" : "PUT";

    /// <summary>Prints <paramref name="response"/>; the caller checked that the format is supported.</summary>
    public static void Print(TextWriter output, GlobalSettings settings, WatchResponse response)
    {
        if (response.IsProgressNotify)
        {
            output.WriteLine("progress notify: " + response.Header.Revision.ToString(CultureInfo.InvariantCulture));
        }

        switch (settings.Format)
        {
            case OutputFormat.Simple:
                Simple(output, response, settings.Hex);
                break;
            case OutputFormat.Json:
                output.WriteLine(Json(response));
                break;
            case OutputFormat.Fields:
                Fields(output, response);
                break;
            default:
                throw KvPrinter.Unsupported(settings.Format);
        }
    }

    /// <summary>True for the formats watch prints.</summary>
    public static bool Supports(OutputFormat format) => format is OutputFormat.Simple or OutputFormat.Json or OutputFormat.Fields;

    private static void Simple(TextWriter output, WatchResponse response, bool hex)
    {
        foreach (var e in response.Events)
        {
            output.WriteLine(TypeName(e.Type));
            if (e.PrevKv is { } prev)
            {
                KvPrinter.WriteKv(output, prev, hex, valueOnly: false);
            }

            KvPrinter.WriteKv(output, e.Kv, hex, valueOnly: false);
        }
    }

    /// <summary>Go's JSON of clientv3.WatchResponse: untagged Go field names, the header by value, events as mvccpb.Event.</summary>
    private static string Json(WatchResponse response)
    {
        var json = new GoJson().StartObject();
        json.Name("Header").StartObject().WriteHeaderFields(response.Header);
        json.EndObject().Name("Events");
        if (response.Events.Count == 0)
        {
            json.Null();
        }
        else
        {
            json.StartArray();
            foreach (var e in response.Events)
            {
                json.StartObject();
                if (e.Type != WatchEventType.Put)
                {
                    json.Field("type", (long)e.Type);
                }

                json.Name("kv");
                KvPrinter.WriteJson(json, e.Kv);
                if (e.PrevKv is { } prev)
                {
                    json.Name("prev_kv");
                    KvPrinter.WriteJson(json, prev);
                }

                json.EndObject();
            }

            json.EndArray();
        }

        json.Field("CompactRevision", response.CompactRevision)
            .Field("Canceled", response.Canceled)
            .Field("Created", response.Created);
        return json.EndObject().ToString();
    }

    private static void Fields(TextWriter output, WatchResponse response)
    {
        HeaderPrinter.WriteFields(output, response.Header);
        foreach (var e in response.Events)
        {
            output.WriteLine("\"Type\" : " + TypeName(e.Type));
            if (e.PrevKv is { } prev)
            {
                KvPrinter.WriteFields(output, "Prev", prev);
            }

            KvPrinter.WriteFields(output, string.Empty, e.Kv);
        }
    }
}
