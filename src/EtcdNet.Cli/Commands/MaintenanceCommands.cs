using System.CommandLine;
using EtcdNet.Cli.Errors;
using EtcdNet.Cli.Output;

namespace EtcdNet.Cli.Commands;

/// <summary>The maintenance commands: defrag, alarm, snapshot, move-leader and version.</summary>
internal static class MaintenanceCommands
{
    public static void Register(RootCommand root, CommandActions actions)
    {
        root.Subcommands.Add(DefragCommand.Create(actions));
        root.Subcommands.Add(AlarmCommands.Create(actions));
        root.Subcommands.Add(SnapshotCommands.Create(actions));
        root.Subcommands.Add(MoveLeader(actions));
        root.Subcommands.Add(VersionCommand.Create(actions));
    }

    private static Command MoveLeader(CommandActions actions)
    {
        var args = CommandArguments.Positional("transferee-member-id");
        var command = new Command("move-leader", "Transfers leadership to another etcd cluster member.") { args };
        actions.Set(command, async context =>
        {
            var values = context.Get(args) ?? [];
            if (values.Length != 1)
            {
                throw CliException.BadArgs("move-leader command needs 1 argument");
            }

            if (!MemberIds.TryParseUint(values[0], 16, "ParseUint", values[0], out var target, out var error))
            {
                throw CliException.BadArgs(error);
            }

            using var timeout = context.CommandTimeout();
            ulong? leader = null;
            foreach (var endpoint in context.Settings.Endpoints)
            {
                StatusResponse status;
                try
                {
                    status = await context.Client.Maintenance.StatusAsync(EndpointTargets.Url(context, endpoint), timeout.Token);
                }
                catch (Exception e) when (e is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
                {
                    throw MaintenanceErrors.Wrap(e);
                }

                if (status.Header.MemberId == status.Leader)
                {
                    leader = status.Leader;
                    break;
                }
            }

            if (leader is null)
            {
                throw CliException.BadArgs($"no leader endpoint given at [{string.Join(' ', context.Settings.Endpoints)}]");
            }

            MoveLeaderResponse response;
            try
            {
                response = await context.Client.Maintenance.MoveLeaderAsync(target, timeout.Token);
            }
            catch (Exception e) when (e is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
            {
                throw MaintenanceErrors.Wrap(e);
            }

            MaintenancePrinter.MoveLeader(context, leader.Value, target, response);
        });
        return command;
    }
}
