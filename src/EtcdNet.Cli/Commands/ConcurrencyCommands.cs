using System.CommandLine;

namespace EtcdNet.Cli.Commands;

/// <summary>The concurrency commands.</summary>
internal static class ConcurrencyCommands
{
    public static void Register(RootCommand root, CommandActions actions)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(actions);
    }
}
