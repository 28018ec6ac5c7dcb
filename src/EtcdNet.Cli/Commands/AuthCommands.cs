using System.CommandLine;

namespace EtcdNet.Cli.Commands;

/// <summary>The auth commands.</summary>
internal static class AuthCommands
{
    public static void Register(RootCommand root, CommandActions actions)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(actions);
    }
}
