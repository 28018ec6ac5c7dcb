using System.CommandLine;

namespace EtcdNet.Cli.Commands;

/// <summary>The dev commands.</summary>
internal static class DevCommands
{
    public static void Register(RootCommand root, CommandActions actions)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(actions);
    }
}
