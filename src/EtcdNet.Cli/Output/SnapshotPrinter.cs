using System.Globalization;
using EtcdNet.Cli.Commands;

namespace EtcdNet.Cli.Output;

/// <summary>Prints snapshot status as etcdctl does (simple, json, table, fields); the hash is hex in simple and table.</summary>
internal static class SnapshotPrinter
{
    private static readonly string[] StatusHeader = ["hash", "revision", "total keys", "total size"];

    public static void Status(CommandContext context, SnapshotFileStatus status)
    {
        var output = context.Console.Out;
        switch (context.Settings.Format)
        {
            case OutputFormat.Simple:
                output.WriteLine(string.Join(", ", StatusRow(status)));
                break;
            case OutputFormat.Json:
                // etcd's own field names, including the singular "totalKey".
                output.WriteLine(new GoJson().StartObject()
                    .Field("hash", (ulong)status.Hash)
                    .Field("revision", status.Revision)
                    .Field("totalKey", status.TotalKeys)
                    .Field("totalSize", status.TotalSize)
                    .EndObject().ToString());
                break;
            case OutputFormat.Table:
                output.Write(new AsciiTable(StatusHeader).Add(StatusRow(status)).ToString());
                break;
            case OutputFormat.Fields:
                output.WriteLine($"\"Hash\" : {Decimal(status.Hash)}");
                output.WriteLine($"\"Revision\" : {Decimal(status.Revision)}");
                output.WriteLine($"\"Keys\" : {Decimal(status.TotalKeys)}");
                output.WriteLine($"\"Size\" : {Decimal(status.TotalSize)}");
                break;
            default:
                throw MaintenanceGoText.Unsupported(context.Settings.Format);
        }
    }

    private static string[] StatusRow(SnapshotFileStatus status) =>
    [
        status.Hash.ToString("x", CultureInfo.InvariantCulture),
        Decimal(status.Revision),
        Decimal(status.TotalKeys),
        EndpointSize.Format((ulong)status.TotalSize),
    ];

    private static string Decimal(long value) => value.ToString(CultureInfo.InvariantCulture);
}
