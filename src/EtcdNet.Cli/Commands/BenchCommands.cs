using System.CommandLine;

namespace EtcdNet.Cli.Commands;

/// <summary>The bench commands.</summary>
internal static class BenchCommands
{
    public static void Register(RootCommand root, CommandActions actions)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(actions);
    }
}
