using System.CommandLine;
using EtcdNet.Cli.Errors;
using EtcdNet.Cli.Output;
using EtcdNet.Concurrency;

namespace EtcdNet.Cli.Commands;

/// <summary>
/// <c>elect &lt;election-name&gt; [proposal]</c>: campaigns with etcd's Go election protocol (interoperating with
/// <c>etcdctl elect</c>), printing the leader key and value once elected and resigning when interrupted; with
/// <c>-l</c> it observes the election and prints each leader.
/// </summary>
internal static class ElectCommand
{
    public static Command Create(CommandActions actions)
    {
        var args = CommandArguments.Positional("election-name [proposal]");
        var listen = new Option<bool>("--listen", "-l") { Description = "observation mode" };
        var ttl = new Option<int>("--ttl") { Description = "timeout for session", DefaultValueFactory = _ => (int)EtcdSession.DefaultTtl.TotalSeconds };
        var command = new Command("elect", "Observes and participates in leader election") { args, listen, ttl };
        actions.Set(command, async context =>
        {
            var values = context.Get(args) ?? [];
            if (values.Length is not (1 or 2))
            {
                throw CliException.BadArgs("elect takes one election name argument and an optional proposal argument");
            }

            if (values.Length == 1 && !context.Get(listen))
            {
                throw CliException.BadArgs("no proposal argument but -l not set");
            }

            if (values.Length == 2 && context.Get(listen))
            {
                throw CliException.BadArgs("proposal given but -l is set");
            }

            using var interrupt = new LockInterrupt(context.CancellationToken);
            await using var session = await EtcdSession.CreateAsync(context.Client, TimeSpan.FromSeconds(context.Get(ttl)), 0, interrupt.Token);
            var election = new EtcdElection(session, values[0]);
            if (values.Length == 1)
            {
                await ObserveAsync(context, election, interrupt.Token);
            }
            else
            {
                await CampaignAsync(context, election, values[1], interrupt.Token);
            }
        });
        return command;
    }

    private static async Task ObserveAsync(CommandContext context, EtcdElection election, CancellationToken interrupted)
    {
        try
        {
            await foreach (var leader in election.ObserveAsync(interrupted))
            {
                ElectionKeyPrinter.Leader(context, leader);
            }
        }
        catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
        {
            return;
        }

        throw new CliException("elect: observer lost");
    }

    private static async Task CampaignAsync(CommandContext context, EtcdElection election, string proposal, CancellationToken interrupted)
    {
        try
        {
            await election.CampaignAsync(proposal, interrupted);
        }
        catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
        {
            throw new CliException("context canceled");
        }

        var leader = await context.Client.GetAsync(election.LeaderKey!, null, interrupted);
        ElectionKeyPrinter.Get(context, leader);
        await context.Console.Out.FlushAsync(CancellationToken.None);
        await LockWait.UntilAsync(interrupted, election.Session.Lost);
        if (!interrupted.IsCancellationRequested)
        {
            throw new CliException("elect: session expired");
        }

        using var timeout = new CancellationTokenSource(context.Settings.CommandTimeout);
        await election.ResignAsync(timeout.Token);
    }
}
