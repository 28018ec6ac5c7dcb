using System.CommandLine;
using EtcdNet.Cli.Errors;

namespace EtcdNet.Cli.Commands;

/// <summary>snapshot restore: not provided (it builds a member's data directory, WAL included); says which tool to use instead.</summary>
internal static class SnapshotRestoreCommand
{
    public const string Unsupported =
        "snapshot restore is not provided by etcdnet: use 'etcdctl snapshot restore' (etcd 3.4) or 'etcdutl snapshot restore' (etcd 3.5 and later)";

    public static Command Create(CommandActions actions)
    {
        var args = CommandArguments.Positional("filename");
        var command = new Command("restore", "Not provided: restore a snapshot with etcdctl (etcd 3.4) or etcdutl (etcd 3.5 and later)") { args };

        // etcdctl's restore flags (--data-dir, --name, ...) are accepted so that the message below is what the user sees.
        command.TreatUnmatchedTokensAsErrors = false;
        actions.Set(command, _ => Task.FromException(CliException.BadFeature(Unsupported)));
        return command;
    }
}
