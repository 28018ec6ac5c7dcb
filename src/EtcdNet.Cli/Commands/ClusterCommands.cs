using System.CommandLine;

namespace EtcdNet.Cli.Commands;

/// <summary>The cluster commands.</summary>
internal static class ClusterCommands
{
    public static void Register(RootCommand root, CommandActions actions)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(actions);
    }
}
