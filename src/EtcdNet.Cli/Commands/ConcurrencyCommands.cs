using System.CommandLine;

namespace EtcdNet.Cli.Commands;

/// <summary>The concurrency commands: lock and elect.</summary>
internal static class ConcurrencyCommands
{
    public static void Register(RootCommand root, CommandActions actions)
    {
        root.Subcommands.Add(LockCommand.Create(actions));
        root.Subcommands.Add(ElectCommand.Create(actions));
    }
}
