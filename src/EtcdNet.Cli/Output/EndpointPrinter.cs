using System.Globalization;
using EtcdNet.Cli.Commands;

namespace EtcdNet.Cli.Output;

/// <summary>Prints endpoint health, status and hashkv as etcdctl does, in simple, json, fields and table output.</summary>
internal static class EndpointPrinter
{
    private static readonly string[] HealthHeader = ["endpoint", "health", "took", "error"];
    private static readonly string[] StatusHeader = ["endpoint", "ID", "version", "db size", "is leader", "is learner", "raft term", "raft index", "raft applied index", "errors"];
    private static readonly string[] HashKvHeader = ["endpoint", "hash"];

    public static void Health(CommandContext context, IReadOnlyList<EndpointHealthResult> results)
    {
        var output = context.Console.Out;
        switch (context.Settings.Format)
        {
            case OutputFormat.Simple:
                // etcdctl writes the health lines to stderr.
                foreach (var result in results)
                {
                    context.Console.Error.WriteLine(result.Error.Length == 0
                        ? $"{result.Endpoint} is healthy: successfully committed proposal: took = {result.Took}"
                        : $"{result.Endpoint} is unhealthy: failed to commit proposal: {result.Error}");
                }

                break;
            case OutputFormat.Json:
                var json = new GoJson().StartArray();
                foreach (var result in results)
                {
                    json.StartObject().Field("endpoint", result.Endpoint).Field("health", result.Health).Field("took", result.Took);
                    if (result.Error.Length > 0)
                    {
                        json.Field("error", result.Error);
                    }

                    json.EndObject();
                }

                output.WriteLine(json.EndArray().ToString());
                break;
            case OutputFormat.Fields:
                foreach (var result in results)
                {
                    output.WriteLine($"\"Endpoint\" : {GoQuote.Quote(result.Endpoint)}");
                    output.WriteLine($"\"Health\" : {MaintenanceGoText.Bool(result.Health)}");
                    output.WriteLine($"\"Took\" : {result.Took}");
                    output.WriteLine($"\"Error\" : {result.Error}");
                    output.WriteLine();
                }

                break;
            case OutputFormat.Table:
                output.Write(Table(HealthHeader, results.Select(r => new[] { r.Endpoint, MaintenanceGoText.Bool(r.Health), r.Took, r.Error })));
                break;
            default:
                throw MaintenanceGoText.Unsupported(context.Settings.Format);
        }
    }

    public static void Status(CommandContext context, IReadOnlyList<EndpointStatusResult> results)
    {
        var output = context.Console.Out;
        switch (context.Settings.Format)
        {
            case OutputFormat.Simple:
                foreach (var row in results.Select(StatusRow))
                {
                    output.WriteLine(string.Join(", ", row));
                }

                break;
            case OutputFormat.Json:
                var json = new GoJson().StartArray();
                foreach (var result in results)
                {
                    json.StartObject().Field("Endpoint", result.Endpoint).Name("Status");
                    WriteStatus(json, result.Status);
                    json.EndObject();
                }

                output.WriteLine(json.EndArray().ToString());
                break;
            case OutputFormat.Fields:
                foreach (var (endpoint, status) in results)
                {
                    HeaderPrinter.WriteFields(output, status.Header);
                    output.WriteLine($"\"Version\" : {GoQuote.Quote(status.Version)}");
                    output.WriteLine($"\"DBSize\" : {status.DbSize}");
                    output.WriteLine($"\"Leader\" : {status.Leader}");
                    output.WriteLine($"\"IsLearner\" : {MaintenanceGoText.Bool(status.IsLearner)}");
                    output.WriteLine($"\"RaftIndex\" : {status.RaftIndex}");
                    output.WriteLine($"\"RaftTerm\" : {status.RaftTerm}");
                    output.WriteLine($"\"RaftAppliedIndex\" : {status.RaftAppliedIndex}");
                    output.WriteLine($"\"Errors\" : {MaintenanceGoText.List(status.Errors)}");
                    output.WriteLine($"\"Endpoint\" : {GoQuote.Quote(endpoint)}");
                    output.WriteLine();
                }

                break;
            case OutputFormat.Table:
                output.Write(Table(StatusHeader, results.Select(StatusRow)));
                break;
            default:
                throw MaintenanceGoText.Unsupported(context.Settings.Format);
        }
    }

    public static void HashKv(CommandContext context, IReadOnlyList<EndpointHashKvResult> results)
    {
        var output = context.Console.Out;
        switch (context.Settings.Format)
        {
            case OutputFormat.Simple:
                foreach (var result in results)
                {
                    output.WriteLine($"{result.Endpoint}, {result.HashKv.Hash}");
                }

                break;
            case OutputFormat.Json:
                var json = new GoJson().StartArray();
                foreach (var (endpoint, hash) in results)
                {
                    json.StartObject().Field("Endpoint", endpoint).Name("HashKV").StartObject().WriteHeader(hash.Header);
                    if (hash.Hash != 0)
                    {
                        json.Field("hash", hash.Hash);
                    }

                    if (hash.CompactRevision != 0)
                    {
                        json.Field("compact_revision", hash.CompactRevision);
                    }

                    json.EndObject().EndObject();
                }

                output.WriteLine(json.EndArray().ToString());
                break;
            case OutputFormat.Fields:
                foreach (var (endpoint, hash) in results)
                {
                    HeaderPrinter.WriteFields(output, hash.Header);
                    output.WriteLine($"\"Endpoint\" : {GoQuote.Quote(endpoint)}");
                    output.WriteLine($"\"Hash\" : {hash.Hash}");
                    output.WriteLine();
                }

                break;
            case OutputFormat.Table:
                output.Write(Table(HashKvHeader, results.Select(r => new[] { r.Endpoint, r.HashKv.Hash.ToString(CultureInfo.InvariantCulture) })));
                break;
            default:
                throw MaintenanceGoText.Unsupported(context.Settings.Format);
        }
    }

    private static string[] StatusRow(EndpointStatusResult result)
    {
        var status = result.Status;
        return
        [
            result.Endpoint,
            status.Header.MemberId.ToString("x", CultureInfo.InvariantCulture),
            status.Version,
            EndpointSize.Format((ulong)status.DbSize),
            MaintenanceGoText.Bool(status.Leader == status.Header.MemberId),
            MaintenanceGoText.Bool(status.IsLearner),
            status.RaftTerm.ToString(CultureInfo.InvariantCulture),
            status.RaftIndex.ToString(CultureInfo.InvariantCulture),
            status.RaftAppliedIndex.ToString(CultureInfo.InvariantCulture),
            string.Join(", ", status.Errors),
        ];
    }

    // etcdserverpb.StatusResponse as Go marshals it: every field omitted when zero.
    private static void WriteStatus(GoJson json, StatusResponse status)
    {
        json.StartObject().WriteHeader(status.Header);
        if (status.Version.Length > 0)
        {
            json.Field("version", status.Version);
        }

        if (status.DbSize != 0)
        {
            json.Field("dbSize", status.DbSize);
        }

        if (status.Leader != 0)
        {
            json.Field("leader", status.Leader);
        }

        if (status.RaftIndex != 0)
        {
            json.Field("raftIndex", status.RaftIndex);
        }

        if (status.RaftTerm != 0)
        {
            json.Field("raftTerm", status.RaftTerm);
        }

        if (status.RaftAppliedIndex != 0)
        {
            json.Field("raftAppliedIndex", status.RaftAppliedIndex);
        }

        if (status.Errors.Count > 0)
        {
            json.Name("errors").StartArray();
            foreach (var error in status.Errors)
            {
                json.Value(error);
            }

            json.EndArray();
        }

        if (status.DbSizeInUse != 0)
        {
            json.Field("dbSizeInUse", status.DbSizeInUse);
        }

        if (status.IsLearner)
        {
            json.Field("isLearner", true);
        }

        json.EndObject();
    }

    private static string Table(string[] header, IEnumerable<string[]> rows)
    {
        var table = new AsciiTable(header);
        foreach (var row in rows)
        {
            table.Add(row);
        }

        return table.ToString();
    }
}
