using System.Globalization;
using System.Text;
using EtcdNet.Cli.Commands;

namespace EtcdNet.Cli.Output;

/// <summary>Prints lease responses as etcdctl does: simple, json and fields (table is not defined for them).</summary>
internal static class LeasePrinter
{
    public static void Grant(CommandContext context, LeaseGrantResponse response) => Print(
        context,
        simple: output => output.WriteLine($"lease {Hex(response.Id)} granted with TTL({Seconds(response.Ttl)}s)"),
        json: () => InlineHeader(response.Header).Field("ID", response.Id).Field("TTL", Seconds(response.Ttl)).Field("Error", string.Empty).EndObject(),
        fields: output => IdTtlFields(output, response.Header, response.Id, Seconds(response.Ttl)));

    public static void Revoke(CommandContext context, long id, LeaseRevokeResponse response) => Print(
        context,
        simple: output => output.WriteLine($"lease {Hex(id)} revoked"),
        json: () => new GoJson().StartObject().WriteHeader(response.Header).EndObject(),
        fields: output => HeaderPrinter.WriteFields(output, response.Header));

    public static void KeepAlive(CommandContext context, LeaseKeepAliveResponse response)
    {
        Print(
            context,
            simple: output => output.WriteLine($"lease {Hex(response.Id)} keepalived with TTL({Seconds(response.Ttl)})"),
            json: () => InlineHeader(response.Header).Field("ID", response.Id).Field("TTL", Seconds(response.Ttl)).EndObject(),
            fields: output => IdTtlFields(output, response.Header, response.Id, Seconds(response.Ttl)));
        context.Console.Out.Flush();
    }

    public static void TimeToLive(CommandContext context, LeaseTimeToLiveResponse response, bool keys)
    {
        var ttl = Seconds(response.Ttl);
        var granted = Seconds(response.GrantedTtl);
        Print(
            context,
            simple: output =>
            {
                if (granted == 0 && ttl == -1)
                {
                    output.WriteLine($"lease {Hex(response.Id)} already expired");
                    return;
                }

                var text = $"lease {Hex(response.Id)} granted with TTL({granted}s), remaining({ttl}s)";
                if (keys)
                {
                    text += ", attached keys([" + string.Join(' ', response.Keys.Select(k => Encoding.UTF8.GetString(k.Span))) + "])";
                }

                output.WriteLine(text);
            },
            json: () =>
            {
                var json = InlineHeader(response.Header).Field("id", response.Id).Field("ttl", ttl).Field("granted-ttl", granted).Name("keys");
                if (response.Keys.Count == 0)
                {
                    return json.Null().EndObject();
                }

                json.StartArray();
                foreach (var key in response.Keys)
                {
                    json.Bytes(key.Span);
                }

                return json.EndArray().EndObject();
            },
            fields: output =>
            {
                IdTtlFields(output, response.Header, response.Id, ttl);
                output.WriteLine($"\"GrantedTTL\" : {granted}");
                foreach (var key in response.Keys)
                {
                    output.WriteLine($"\"Key\" : {GoQuote.Quote(key.Span)}");
                }
            });
    }

    public static void Leases(CommandContext context, LeaseLeasesResponse response) => Print(
        context,
        simple: output =>
        {
            output.WriteLine($"found {response.Leases.Count} leases");
            foreach (var id in response.Leases)
            {
                output.WriteLine(Hex(id));
            }
        },
        json: () =>
        {
            var json = InlineHeader(response.Header).Name("leases").StartArray();
            foreach (var id in response.Leases)
            {
                json.StartObject().Field("id", id).EndObject();
            }

            return json.EndArray().EndObject();
        },
        fields: output =>
        {
            HeaderPrinter.WriteFields(output, response.Header);
            foreach (var id in response.Leases)
            {
                output.WriteLine($"\"ID\" : {id}");
            }
        });

    /// <summary>A lease ID as etcdctl prints it: 16 hex digits.</summary>
    public static string Hex(long id) => id.ToString("x16", CultureInfo.InvariantCulture);

    // Every lease response has the same three formats: json is one line; table (and anything else) is refused.
    private static void Print(CommandContext context, Action<TextWriter> simple, Func<GoJson> json, Action<TextWriter> fields)
    {
        var output = context.Console.Out;
        switch (context.Settings.Format)
        {
            case OutputFormat.Simple:
                simple(output);
                break;
            case OutputFormat.Json:
                output.WriteLine(json().ToString());
                break;
            case OutputFormat.Fields:
                fields(output);
                break;
            default:
                throw MaintenanceGoText.Unsupported(context.Settings.Format);
        }
    }

    private static long Seconds(TimeSpan ttl) => (long)Math.Round(ttl.TotalSeconds);

    // Fields output of a response with a lease ID and TTL: the header lines, then "ID" and "TTL".
    private static void IdTtlFields(TextWriter output, ResponseHeader header, long id, long ttl)
    {
        HeaderPrinter.WriteFields(output, header);
        output.WriteLine($"\"ID\" : {id}");
        output.WriteLine($"\"TTL\" : {ttl}");
    }

    // The clientv3 lease responses embed the header: its fields come first, at the top level, zero ones left out.
    private static GoJson InlineHeader(ResponseHeader header) => new GoJson().StartObject().WriteHeaderFields(header);
}
