using System.CommandLine;

namespace EtcdNet.Cli.Commands;

/// <summary>The maintenance commands.</summary>
internal static class MaintenanceCommands
{
    public static void Register(RootCommand root, CommandActions actions)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(actions);
    }
}
