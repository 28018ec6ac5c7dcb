using System.CommandLine;
using System.Globalization;
using EtcdNet.Cli.Errors;
using EtcdNet.Cli.Output;
using EtcdNet.Concurrency;

namespace EtcdNet.Cli.Commands;

/// <summary>
/// <c>lock &lt;lockname&gt; [exec-command arg1 arg2 ...]</c>: acquires a named lock with etcd's Go mutex protocol (so it
/// excludes <c>etcdctl lock</c>), then either prints the lock key and holds it until interrupted, or runs a command
/// while holding it.
/// </summary>
internal static class LockCommand
{
    public static Command Create(CommandActions actions)
    {
        var args = CommandArguments.Positional("lockname [exec-command arg1 arg2 ...]");
        var ttl = new Option<int>("--ttl") { Description = "timeout for session", DefaultValueFactory = _ => 10 };
        var command = new Command("lock", "Acquires a named lock") { args, ttl };
        actions.Set(command, async context =>
        {
            var values = context.Get(args) ?? [];
            if (values.Length == 0)
            {
                throw CliException.BadArgs("lock takes a lock name argument and an optional command to execute");
            }

            using var interrupt = new LockInterrupt(context.CancellationToken);
            await using var session = await EtcdSession.CreateAsync(context.Client, TimeSpan.FromSeconds(context.Get(ttl)), 0, interrupt.Token);
            EtcdLockHandle handle;
            try
            {
                handle = await new EtcdMutex(session, values[0]).LockAsync(interrupt.Token);
            }
            catch (OperationCanceledException) when (interrupt.Token.IsCancellationRequested)
            {
                throw new CliException("context canceled");
            }

            await using (handle)
            {
                if (values.Length > 1)
                {
                    return await RunAsync(context, values[1..], handle, interrupt.Token);
                }

                await HoldAsync(context, handle, session, interrupt.Token);
                return ExitCodes.Success;
            }
        });
        return command;
    }

    /// <summary>Prints the lock key as etcdctl does (read back from etcd) and waits for interruption or session loss.</summary>
    private static async Task HoldAsync(CommandContext context, EtcdLockHandle handle, EtcdSession session, CancellationToken interrupted)
    {
        var held = await context.Client.GetAsync(handle.Key, null, interrupted);
        if (held.Kvs.Count == 0)
        {
            throw new CliException("lock lost on init");
        }

        ElectionKeyPrinter.Get(context, held);
        await context.Console.Out.FlushAsync(CancellationToken.None);
        await LockWait.UntilAsync(interrupted, session.Lost);
        if (!interrupted.IsCancellationRequested)
        {
            throw new CliException("session expired");
        }
    }

    /// <summary>
    /// Runs the command with ETCD_LOCK_KEY and ETCD_LOCK_REV (the store revision at acquisition, as etcdctl) set;
    /// a failing command is reported as etcdctl does: <c>Error: exit status N</c> and exit code 1.
    /// </summary>
    private static async Task<int> RunAsync(CommandContext context, string[] command, EtcdLockHandle handle, CancellationToken interrupted)
    {
        var environment = new Dictionary<string, string>
        {
            ["ETCD_LOCK_KEY"] = handle.Key,
            ["ETCD_LOCK_REV"] = handle.Header.Revision.ToString(CultureInfo.InvariantCulture),
        };
        var code = await LockExec.RunAsync(context.Console, command, environment, interrupted);
        if (code == 0)
        {
            return ExitCodes.Success;
        }

        await context.Console.Error.WriteLineAsync($"Error: exit status {code}");
        return ExitCodes.Error;
    }
}
