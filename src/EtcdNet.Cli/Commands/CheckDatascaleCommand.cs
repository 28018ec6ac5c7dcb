using System.CommandLine;
using System.Globalization;
using EtcdNet.Cli.Bench;
using EtcdNet.Cli.Check;
using EtcdNet.Cli.Errors;

namespace EtcdNet.Cli.Commands;

/// <summary>
/// check datascale: writes the workload's number of key-value pairs under an empty prefix, reads the first endpoint's
/// resident memory from its /metrics before and after, deletes the keys, and prints the memory used (exit 1 when a
/// put failed or the memory could not be read).
/// </summary>
internal static class CheckDatascaleCommand
{
    public const string DefaultPrefix = "/etcdctl-check-datascale/";

    public static Command Create(CommandActions actions)
    {
        var load = CheckCommands.Load("datascale");
        var prefix = CheckCommands.Prefix("datascale", DefaultPrefix);
        var autoCompact = CheckCommands.AutoCompact();
        var autoDefrag = CheckCommands.AutoDefrag();
        var command = new Command("datascale", "Check the memory usage of holding data for different workloads on a given server endpoint.")
        {
            load, prefix, autoCompact, autoDefrag,
        };
        actions.Set(command, async context =>
        {
            var workload = DatascaleLoad.Parse(context.Get(load));
            var keys = context.Get(prefix) ?? DefaultPrefix;
            await CheckKeyspace.EnsureEmptyAsync(context, keys);

            var settings = context.Settings;
            using var http = MetricsHttp.Create(settings.ToClientOptions().Tls, settings.CommandTimeout);
            var probe = new ResidentMemoryProbe(http, settings.Url(settings.Endpoints[0]), settings.CommandTimeout);
            var before = await ReadMemoryAsync(context, probe, "before");
            if (before is null)
            {
                return ExitCodes.Error;
            }

            await context.Console.Out.WriteLineAsync(StartLine(workload));
            var bench = new BenchLoad(workload.Clients, workload.Limit, TimeSpan.Zero, Rate: 0);
            var operation = new CheckPutOperation(keys, DatascaleLoad.KeySize, DatascaleLoad.ValueSize);
            var result = await CheckLoadRun.RunAsync(context, "check datascale", bench, operation, keys);

            var after = await ReadMemoryAsync(context, probe, "after");
            if (after is null)
            {
                await CheckKeyspace.DeleteQuietlyAsync(context, keys);
                return ExitCodes.Error;
            }

            await CheckKeyspace.CleanUpAsync(context, keys, context.Get(autoCompact), context.Get(autoDefrag));
            var verdict = DatascaleVerdict.Judge(result.Errors, before.Value, after.Value);
            await CheckCommands.PrintAsync(context, verdict.Lines);
            return verdict.Passed ? ExitCodes.Success : ExitCodes.Error;
        });
        return command;
    }

    /// <summary>The line printed before the puts start.</summary>
    internal static string StartLine(DatascaleLoad workload) => string.Create(
        CultureInfo.InvariantCulture,
        $"Start data scale check for work load [{workload.Limit} key-value pairs, {DatascaleLoad.KvSize} bytes per key-value, {workload.Clients} concurrent clients].");

    /// <summary>The resident memory, or null after printing why it could not be read and etcdctl's FAIL line.</summary>
    private static async Task<double?> ReadMemoryAsync(CommandContext context, ResidentMemoryProbe probe, string when)
    {
        var (bytes, problem) = await probe.ReadAsync(context.CancellationToken);
        if (bytes is not null)
        {
            return bytes;
        }

        if (problem is not null)
        {
            await context.Console.Out.WriteLineAsync(problem);
        }

        await context.Console.Out.WriteLineAsync($"FAIL: Could not read {ResidentMemory.MetricName} {when} the put operations.");
        return null;
    }
}
