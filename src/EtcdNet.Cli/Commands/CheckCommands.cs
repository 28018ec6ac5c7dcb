using System.CommandLine;

namespace EtcdNet.Cli.Commands;

/// <summary>The check commands: perf (write throughput and latency) and datascale (memory used by stored data).</summary>
internal static class CheckCommands
{
    public static void Register(RootCommand root, CommandActions actions)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(actions);
        root.Subcommands.Add(new Command("check", "commands for checking properties of the etcd cluster")
        {
            CheckPerfCommand.Create(actions),
            CheckDatascaleCommand.Create(actions),
        });
    }

    /// <summary>The --load flag of a check, defaulting to s.</summary>
    internal static Option<string> Load(string check)
        => new("--load") { Description = $"The {check} check's workload model. Accepted workloads: s(small), m(medium), l(large), xl(xLarge)", DefaultValueFactory = _ => "s" };

    /// <summary>The --prefix flag of a check, defaulting to <paramref name="defaultPrefix"/>.</summary>
    internal static Option<string> Prefix(string check, string defaultPrefix)
        => new("--prefix") { Description = $"The prefix for writing the {check} check's keys.", DefaultValueFactory = _ => defaultPrefix };

    /// <summary>The --auto-compact flag of a check.</summary>
    internal static Option<bool> AutoCompact()
        => new("--auto-compact") { Description = "Compact storage with last revision after test is finished." };

    /// <summary>The --auto-defrag flag of a check.</summary>
    internal static Option<bool> AutoDefrag()
        => new("--auto-defrag") { Description = "Defragment storage after test is finished." };

    /// <summary>Writes <paramref name="lines"/> to stdout, one per line.</summary>
    internal static async Task PrintAsync(CommandContext context, IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            await context.Console.Out.WriteLineAsync(line);
        }
    }
}
