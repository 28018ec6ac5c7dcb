using System.CommandLine;
using EtcdNet.Cli.Bench;
using EtcdNet.Cli.Check;
using EtcdNet.Cli.Errors;

namespace EtcdNet.Cli.Commands;

/// <summary>
/// check perf: writes random keys under an empty prefix at the workload's rate for its duration, deletes them, and
/// prints etcdctl's verdict on throughput, slowest request and latency spread (exit 1 when it fails).
/// </summary>
internal static class CheckPerfCommand
{
    public const string DefaultPrefix = "/etcdctl-check-perf/";

    public static Command Create(CommandActions actions)
    {
        var load = CheckCommands.Load("performance");
        var prefix = CheckCommands.Prefix("performance", DefaultPrefix);
        var autoCompact = CheckCommands.AutoCompact();
        var autoDefrag = CheckCommands.AutoDefrag();
        var command = new Command("perf", "Check the performance of the etcd cluster") { load, prefix, autoCompact, autoDefrag };
        actions.Set(command, async context =>
        {
            var workload = PerfLoad.Parse(context.Get(load));
            var keys = context.Get(prefix) ?? DefaultPrefix;
            await CheckKeyspace.EnsureEmptyAsync(context, keys);

            var bench = new BenchLoad(workload.Clients, Total: 0, workload.Duration, workload.Limit);
            var operation = new CheckPutOperation(keys, PerfLoad.KeySize, PerfLoad.ValueSize);
            var result = await CheckLoadRun.RunAsync(context, "check perf", bench, operation, keys);

            await CheckKeyspace.CleanUpAsync(context, keys, context.Get(autoCompact), context.Get(autoDefrag));
            var verdict = PerfVerdict.Judge(CheckStats.From(result), workload.Limit);
            await CheckCommands.PrintAsync(context, verdict.Lines);
            return verdict.Passed ? ExitCodes.Success : ExitCodes.Error;
        });
        return command;
    }
}
