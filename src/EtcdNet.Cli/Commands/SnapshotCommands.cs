using System.CommandLine;
using EtcdNet.Cli.Errors;

namespace EtcdNet.Cli.Commands;

/// <summary>
/// The snapshot commands. save: streams the backend database of one member to a file, as etcdctl does;
/// status (<see cref="SnapshotStatusCommand"/>) reads such a file; restore (<see cref="SnapshotRestoreCommand"/>) is not provided.
/// </summary>
internal static class SnapshotCommands
{
    // etcd appends a SHA-256 of the database (whose size is a multiple of the 512-byte page) to the stream.
    private const int ChecksumSize = 32;

    public static Command Create(CommandActions actions)
    {
        var args = CommandArguments.Positional("filename");
        var save = new Command("save", "Stores an etcd node backend snapshot to a given file") { args };
        actions.Set(save, async context =>
        {
            var values = context.Get(args) ?? [];
            if (values.Length != 1)
            {
                throw CliException.BadArgs("snapshot save expects one argument");
            }

            var path = values[0];
            try
            {
                await SaveAsync(context, path);
            }
            catch (Exception e) when (e is not CliException)
            {
                throw new CliException(ExitCodes.Interrupted, MaintenanceErrors.Message(e), e);
            }

            context.Console.Out.WriteLine($"Snapshot saved at {path}");
        });
        return new Command("snapshot", "Manages etcd node snapshots") { save, SnapshotStatusCommand.Create(actions), SnapshotRestoreCommand.Create(actions) };
    }

    private static async Task SaveAsync(CommandContext context, string path)
    {
        var endpoints = context.Settings.Endpoints;
        if (endpoints.Count != 1)
        {
            throw new CliException(ExitCodes.Interrupted, $"snapshot must be requested to one selected node, not multiple [{string.Join(' ', endpoints)}]");
        }

        // Without an explicit --command-timeout the download may take as long as it needs.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        if (context.IsSet(Global.GlobalOptions.CommandTimeout))
        {
            timeout.CancelAfter(context.Settings.CommandTimeout);
        }

        var partial = path + ".part";
        try
        {
            FileStream file;
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                file = new FileStream(partial, options);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliException(ExitCodes.Interrupted, $"could not open {partial} ({FileError(partial, e)})", e);
            }

            long size;
            await using (file)
            {
                var result = await context.Client.Maintenance.SnapshotAsync(file, timeout.Token);
                size = result.BytesWritten;
                await file.FlushAsync(timeout.Token);
                file.Flush(flushToDisk: true);
            }

            if ((size - ChecksumSize) % 512 != 0)
            {
                throw new CliException(ExitCodes.Interrupted, $"sha256 checksum not found [bytes: {size}]");
            }

            try
            {
                File.Move(partial, path, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliException(ExitCodes.Interrupted, $"could not rename {partial} to {path} ({e.Message})", e);
            }
        }
        finally
        {
            if (File.Exists(partial))
            {
                File.Delete(partial);
            }
        }
    }

    private static string FileError(string path, Exception error) => error switch
    {
        DirectoryNotFoundException or FileNotFoundException => $"open {path}: no such file or directory",
        UnauthorizedAccessException => $"open {path}: permission denied",
        _ => error.Message,
    };
}
