using System.CommandLine;
using EtcdNet.Cli.Errors;

namespace EtcdNet.Cli.Commands;

/// <summary>defrag: defragments each endpoint's member (or, with --cluster, every member), reporting each.</summary>
internal static class DefragCommand
{
    public static Command Create(CommandActions actions)
    {
        var cluster = new Option<bool>("--cluster") { Description = "use all endpoints from the cluster member list" };
        var dataDir = new Option<string>("--data-dir") { Description = "Optional. If present, defragments a data directory not in use by etcd." };
        var command = new Command("defrag", "Defragments the storage of the etcd members with given endpoints") { cluster, dataDir };
        actions.Set(command, async context =>
        {
            if (!string.IsNullOrEmpty(context.Get(dataDir)))
            {
                throw CliException.BadFeature("defragmenting a data directory (--data-dir) is not supported: defragment the running member instead");
            }

            var failures = 0;
            foreach (var endpoint in await EndpointTargets.ResolveAsync(context, context.Get(cluster)))
            {
                try
                {
                    using var timeout = context.CommandTimeout();
                    await context.Client.Maintenance.DefragmentAsync(EndpointTargets.Url(context, endpoint), timeout.Token);
                    await context.Console.Out.WriteLineAsync($"Finished defragmenting etcd member[{endpoint}]");
                }
                catch (Exception e) when (e is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
                {
                    failures++;
                    await context.Console.Error.WriteLineAsync($"Failed to defragment etcd member[{endpoint}] ({MaintenanceErrors.Message(e)})");
                }
            }

            return failures == 0 ? ExitCodes.Success : ExitCodes.Error;
        });
        return command;
    }
}
