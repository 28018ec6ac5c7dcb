using System.CommandLine;

namespace EtcdNet.Cli.Commands;

/// <summary>The lease commands.</summary>
internal static class LeaseCommands
{
    public static void Register(RootCommand root, CommandActions actions)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(actions);
    }
}
