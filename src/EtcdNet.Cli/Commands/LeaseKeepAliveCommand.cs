using System.CommandLine;
using EtcdNet.Cli.Errors;
using EtcdNet.Cli.Output;

namespace EtcdNet.Cli.Commands;

/// <summary>lease keep-alive: renews a lease until interrupted or until the lease is gone (--once: a single renewal).</summary>
internal static class LeaseKeepAliveCommand
{
    // What a shell reports for a process stopped by Ctrl+C (128 + SIGINT), as for etcdctl.
    private const int InterruptedBySignal = 130;

    public static Command Create(CommandActions actions)
    {
        var args = CommandArguments.Positional("leaseID");
        var once = new Option<bool>("--once") { Description = "Resets the keep-alive time to its original value and exits immediately" };
        var command = new Command("keep-alive", "Keeps leases alive (renew)") { args, once };
        actions.Set(command, async context =>
        {
            var values = context.Get(args) ?? [];
            if (values.Length != 1)
            {
                throw CliException.BadArgs("lease keep-alive command needs lease ID as argument");
            }

            var id = LeaseIds.Parse(values[0]);
            if (context.Get(once))
            {
                var response = await LeaseCommands.BadConnection(() => context.Client.Lease.KeepAliveOnceAsync(id, context.CancellationToken));
                LeasePrinter.KeepAlive(context, response);
                return ExitCodes.Success;
            }

            return await KeepAliveAsync(context, id);
        });
        return command;
    }

    private static async Task<int> KeepAliveAsync(CommandContext context, long id)
    {
        if (id <= 0)
        {
            // Never a valid lease: etcdctl's keep-alive channel closes at once.
            WriteGone(context, id);
            return ExitCodes.Success;
        }

        await using var keepAlive = context.Client.Lease.KeepAliveAsync(id, CancellationToken.None);
        try
        {
            await foreach (var response in keepAlive.WithCancellation(context.CancellationToken))
            {
                LeasePrinter.KeepAlive(context, response);
            }
        }
        catch (EtcdLeaseLostException)
        {
            // The lease expired or was revoked: the renewals end, as etcdctl's channel closes.
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            return InterruptedBySignal;
        }

        if (context.CancellationToken.IsCancellationRequested)
        {
            return InterruptedBySignal;
        }

        WriteGone(context, id);
        return ExitCodes.Success;
    }

    private static void WriteGone(CommandContext context, long id)
    {
        if (context.Settings.Format == OutputFormat.Simple)
        {
            context.Console.Out.WriteLine($"lease {LeasePrinter.Hex(id)} expired or revoked.");
        }
    }
}
