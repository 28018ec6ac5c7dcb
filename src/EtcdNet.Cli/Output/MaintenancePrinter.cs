using EtcdNet.Cli.Commands;

namespace EtcdNet.Cli.Output;

/// <summary>Prints the result of move-leader as etcdctl does (simple, json).</summary>
internal static class MaintenancePrinter
{
    public static void MoveLeader(CommandContext context, ulong leader, ulong target, MoveLeaderResponse response)
    {
        var output = context.Console.Out;
        switch (context.Settings.Format)
        {
            case OutputFormat.Simple:
                output.WriteLine($"Leadership transferred from {LeaseIds.ShortHex(leader)} to {LeaseIds.ShortHex(target)}");
                break;
            case OutputFormat.Json:
                // A transfer to the current leader comes back without a header, which Go leaves out.
                var json = new GoJson().StartObject();
                if (response.Header != default)
                {
                    json.WriteHeader(response.Header);
                }

                output.WriteLine(json.EndObject().ToString());
                break;
            default:
                throw MaintenanceGoText.Unsupported(context.Settings.Format);
        }
    }
}
