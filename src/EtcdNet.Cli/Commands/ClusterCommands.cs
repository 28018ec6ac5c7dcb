using System.CommandLine;

namespace EtcdNet.Cli.Commands;

/// <summary>The cluster commands: member and endpoint.</summary>
internal static class ClusterCommands
{
    public static void Register(RootCommand root, CommandActions actions)
    {
        root.Subcommands.Add(MemberCommands.Create(actions));
        root.Subcommands.Add(EndpointCommands.Create(actions));
    }
}
