using System.CommandLine;
using EtcdNet.Cli.Errors;
using EtcdNet.Cli.Output;

namespace EtcdNet.Cli.Commands;

/// <summary>The lease commands: lease grant, revoke, timetolive, list and keep-alive.</summary>
internal static class LeaseCommands
{
    public static void Register(RootCommand root, CommandActions actions)
    {
        var lease = new Command("lease", "Lease related commands")
        {
            Grant(actions),
            Revoke(actions),
            TimeToLive(actions),
            List(actions),
            LeaseKeepAliveCommand.Create(actions),
        };
        root.Subcommands.Add(lease);
    }

    private static Command Grant(CommandActions actions)
    {
        var args = CommandArguments.Positional("ttl");
        var command = new Command("grant", "Creates leases") { args };
        actions.Set(command, async context =>
        {
            var values = context.Get(args) ?? [];
            if (values.Length != 1)
            {
                throw CliException.BadArgs("lease grant command needs TTL argument");
            }

            var ttl = LeaseIds.ParseTtl(values[0]);
            LeaseGrantResponse response;
            using (var timeout = context.CommandTimeout())
            {
                try
                {
                    response = await context.Client.Lease.GrantAsync(TimeSpan.FromSeconds(ttl), 0, timeout.Token);
                }
                catch (Exception e) when (e is not CliException)
                {
                    throw MaintenanceErrors.Wrap(e, ExitCodes.Error, "failed to grant lease ({0})");
                }
            }

            LeasePrinter.Grant(context, response);
        });
        return command;
    }

    private static Command Revoke(CommandActions actions)
    {
        var args = CommandArguments.Positional("leaseID");
        var command = new Command("revoke", "Revokes leases") { args };
        actions.Set(command, async context =>
        {
            var values = context.Get(args) ?? [];
            if (values.Length != 1)
            {
                throw CliException.BadArgs("lease revoke command needs 1 argument");
            }

            var id = LeaseIds.Parse(values[0]);
            LeaseRevokeResponse response;
            using (var timeout = context.CommandTimeout())
            {
                try
                {
                    response = await context.Client.Lease.RevokeAsync(id, timeout.Token);
                }
                catch (Exception e) when (e is not CliException)
                {
                    throw MaintenanceErrors.Wrap(e, ExitCodes.Error, "failed to revoke lease ({0})");
                }
            }

            LeasePrinter.Revoke(context, id, response);
        });
        return command;
    }

    private static Command TimeToLive(CommandActions actions)
    {
        var args = CommandArguments.Positional("leaseID");
        var keys = new Option<bool>("--keys") { Description = "Get keys attached to this lease" };
        var command = new Command("timetolive", "Get lease information") { args, keys };
        actions.Set(command, async context =>
        {
            var values = context.Get(args) ?? [];
            if (values.Length != 1)
            {
                throw CliException.BadArgs("lease timetolive command needs lease ID as argument");
            }

            var id = LeaseIds.Parse(values[0]);
            var withKeys = context.Get(keys);
            var response = await BadConnection(() => context.Client.Lease.TimeToLiveAsync(id, withKeys, context.CancellationToken));
            LeasePrinter.TimeToLive(context, response, withKeys);
        });
        return command;
    }

    private static Command List(CommandActions actions)
    {
        var command = new Command("list", "List all active leases");
        actions.Set(command, async context =>
        {
            var response = await BadConnection(() => context.Client.Lease.LeasesAsync(context.CancellationToken));
            LeasePrinter.Leases(context, response);
        });
        return command;
    }

    /// <summary>Runs <paramref name="call"/>; a failure exits with code 2, as etcdctl's lease reads do.</summary>
    internal static async Task<T> BadConnection<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (e is not CliException and not OperationCanceledException)
        {
            throw MaintenanceErrors.Wrap(e, ExitCodes.BadConnection);
        }
    }
}
