using System.CommandLine;

namespace EtcdNet.Cli.Commands;

/// <summary>Every command group; each adds its commands to the root.</summary>
internal static class CommandGroups
{
    public static IReadOnlyList<Action<RootCommand, CommandActions>> All { get; } =
    [
        KvCommands.Register,
        LeaseCommands.Register,
        ClusterCommands.Register,
        MaintenanceCommands.Register,
        ConcurrencyCommands.Register,
        AuthCommands.Register,
        CheckCommands.Register,
        BenchCommands.Register,
        DevCommands.Register,
    ];
}
