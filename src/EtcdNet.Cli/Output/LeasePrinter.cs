using System.Globalization;
using System.Text;
using EtcdNet.Cli.Commands;

namespace EtcdNet.Cli.Output;

/// <summary>Prints lease responses as etcdctl does: simple, json and fields (table is not defined for them).</summary>
internal static class LeasePrinter
{
    public static void Grant(CommandContext context, LeaseGrantResponse response)
    {
        var output = context.Console.Out;
        switch (context.Settings.Format)
        {
            case OutputFormat.Simple:
                output.WriteLine($"lease {Hex(response.Id)} granted with TTL({Seconds(response.Ttl)}s)");
                break;
            case OutputFormat.Json:
                output.WriteLine(InlineHeader(response.Header).Field("ID", response.Id).Field("TTL", Seconds(response.Ttl)).Field("Error", string.Empty).EndObject().ToString());
                break;
            case OutputFormat.Fields:
                HeaderPrinter.WriteFields(output, response.Header);
                output.WriteLine($"\"ID\" : {response.Id}");
                output.WriteLine($"\"TTL\" : {Seconds(response.Ttl)}");
                break;
            default:
                throw MaintenanceGoText.Unsupported(context.Settings.Format);
        }
    }

    public static void Revoke(CommandContext context, long id, LeaseRevokeResponse response)
    {
        var output = context.Console.Out;
        switch (context.Settings.Format)
        {
            case OutputFormat.Simple:
                output.WriteLine($"lease {Hex(id)} revoked");
                break;
            case OutputFormat.Json:
                output.WriteLine(new GoJson().StartObject().WriteHeader(response.Header).EndObject().ToString());
                break;
            case OutputFormat.Fields:
                HeaderPrinter.WriteFields(output, response.Header);
                break;
            default:
                throw MaintenanceGoText.Unsupported(context.Settings.Format);
        }
    }

    public static void KeepAlive(CommandContext context, LeaseKeepAliveResponse response)
    {
        var output = context.Console.Out;
        switch (context.Settings.Format)
        {
            case OutputFormat.Simple:
                output.WriteLine($"lease {Hex(response.Id)} keepalived with TTL({Seconds(response.Ttl)})");
                break;
            case OutputFormat.Json:
                output.WriteLine(InlineHeader(response.Header).Field("ID", response.Id).Field("TTL", Seconds(response.Ttl)).EndObject().ToString());
                break;
            case OutputFormat.Fields:
                HeaderPrinter.WriteFields(output, response.Header);
                output.WriteLine($"\"ID\" : {response.Id}");
                output.WriteLine($"\"TTL\" : {Seconds(response.Ttl)}");
                break;
            default:
                throw MaintenanceGoText.Unsupported(context.Settings.Format);
        }

        output.Flush();
    }

    public static void TimeToLive(CommandContext context, LeaseTimeToLiveResponse response, bool keys)
    {
        var output = context.Console.Out;
        var ttl = Seconds(response.Ttl);
        var granted = Seconds(response.GrantedTtl);
        switch (context.Settings.Format)
        {
            case OutputFormat.Simple:
                if (granted == 0 && ttl == -1)
                {
                    output.WriteLine($"lease {Hex(response.Id)} already expired");
                    break;
                }

                var text = $"lease {Hex(response.Id)} granted with TTL({granted}s), remaining({ttl}s)";
                if (keys)
                {
                    text += ", attached keys([" + string.Join(' ', response.Keys.Select(k => Encoding.UTF8.GetString(k.Span))) + "])";
                }

                output.WriteLine(text);
                break;
            case OutputFormat.Json:
                var json = InlineHeader(response.Header).Field("id", response.Id).Field("ttl", ttl).Field("granted-ttl", granted).Name("keys");
                if (response.Keys.Count == 0)
                {
                    json.Null();
                }
                else
                {
                    json.StartArray();
                    foreach (var key in response.Keys)
                    {
                        json.Bytes(key.Span);
                    }

                    json.EndArray();
                }

                output.WriteLine(json.EndObject().ToString());
                break;
            case OutputFormat.Fields:
                HeaderPrinter.WriteFields(output, response.Header);
                output.WriteLine($"\"ID\" : {response.Id}");
                output.WriteLine($"\"TTL\" : {ttl}");
                output.WriteLine($"\"GrantedTTL\" : {granted}");
                foreach (var key in response.Keys)
                {
                    output.WriteLine($"\"Key\" : {GoQuote.Quote(key.Span)}");
                }

                break;
            default:
                throw MaintenanceGoText.Unsupported(context.Settings.Format);
        }
    }

    public static void Leases(CommandContext context, LeaseLeasesResponse response)
    {
        var output = context.Console.Out;
        switch (context.Settings.Format)
        {
            case OutputFormat.Simple:
                output.WriteLine($"found {response.Leases.Count} leases");
                foreach (var id in response.Leases)
                {
                    output.WriteLine(Hex(id));
                }

                break;
            case OutputFormat.Json:
                var json = InlineHeader(response.Header).Name("leases").StartArray();
                foreach (var id in response.Leases)
                {
                    json.StartObject().Field("id", id).EndObject();
                }

                output.WriteLine(json.EndArray().EndObject().ToString());
                break;
            case OutputFormat.Fields:
                HeaderPrinter.WriteFields(output, response.Header);
                foreach (var id in response.Leases)
                {
                    output.WriteLine($"\"ID\" : {id}");
                }

                break;
            default:
                throw MaintenanceGoText.Unsupported(context.Settings.Format);
        }
    }

    /// <summary>A lease ID as etcdctl prints it: 16 hex digits.</summary>
    public static string Hex(long id) => id.ToString("x16", CultureInfo.InvariantCulture);

    private static long Seconds(TimeSpan ttl) => (long)Math.Round(ttl.TotalSeconds);

    // The clientv3 lease responses embed the header: its fields come first, at the top level, zero ones left out.
    private static GoJson InlineHeader(ResponseHeader header)
    {
        var json = new GoJson().StartObject();
        if (header.ClusterId != 0)
        {
            json.Field("cluster_id", header.ClusterId);
        }

        if (header.MemberId != 0)
        {
            json.Field("member_id", header.MemberId);
        }

        if (header.Revision != 0)
        {
            json.Field("revision", header.Revision);
        }

        if (header.RaftTerm != 0)
        {
            json.Field("raft_term", header.RaftTerm);
        }

        return json;
    }
}
