using System.CommandLine;
using EtcdNet.Cli.Errors;
using EtcdNet.Cli.Output;

namespace EtcdNet.Cli.Commands;

/// <summary>snapshot status: reads a snapshot file's hash, revision, key count and size from the file itself, without a server.</summary>
internal static class SnapshotStatusCommand
{
    public static Command Create(CommandActions actions)
    {
        var args = CommandArguments.Positional("filename");
        var command = new Command("status", "Gets backend snapshot status of a given file") { args };
        actions.Set(command, async context =>
        {
            var values = context.Get(args) ?? [];
            if (values.Length != 1)
            {
                throw CliException.BadArgs("snapshot status requires exactly one argument");
            }

            // As in etcdctl, an unknown --write-out fails before the file is read, protobuf only after.
            _ = context.Settings.Format;
            var path = values[0];
            SnapshotFileStatus status;
            try
            {
                status = await EtcdSnapshotFile.ReadStatusAsync(path, context.CancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new CliException(ExitCodes.Error, Message(path, e), e);
            }

            SnapshotPrinter.Status(context, status);
        });
        return command;
    }

    /// <summary>etcdctl's words where it has them (the file check, then bbolt's errors), else the reader's own message.</summary>
    private static string Message(string path, Exception error) => error switch
    {
        FileNotFoundException or DirectoryNotFoundException => $"stat {path}: no such file or directory",
        UnauthorizedAccessException when Directory.Exists(path) => $"open {path}: is a directory",
        UnauthorizedAccessException => $"open {path}: permission denied",
        SnapshotFileException { Fault: SnapshotFileFault.NotBoltDatabase } => "invalid database",
        SnapshotFileException { Fault: SnapshotFileFault.UnsupportedVersion } => "version mismatch",
        SnapshotFileException { Fault: SnapshotFileFault.ChecksumMismatch } => "checksum error",
        _ => error.Message,
    };
}
