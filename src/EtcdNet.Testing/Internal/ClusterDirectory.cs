using System.Globalization;

namespace EtcdNet.Testing.Internal;

/// <summary>Creates and deletes the per-cluster directory that holds data dirs and pid files.</summary>
internal static class ClusterDirectory
{
    private const string SharedMemoryRoot = "/dev/shm";

    /// <summary>tmpfs is RAM: only use it when it has room for the WAL preallocation (64 MB) and more, per member.</summary>
    private const long SharedMemoryBytesPerMember = 256L * 1024 * 1024;

    /// <summary>
    /// Creates a fresh, uniquely named directory below <paramref name="dataRoot"/>, or below /dev/shm
    /// (when it exists, is writable and has room) or the temp directory when no root is given.
    /// </summary>
    internal static string Create(string? dataRoot, int members)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"etcdnet-testing-{Environment.ProcessId}-{Guid.NewGuid():N}");
        if (!string.IsNullOrWhiteSpace(dataRoot))
        {
            return CreateBelow(Path.GetFullPath(dataRoot), name);
        }

        if (HasRoom(SharedMemoryRoot, members))
        {
            try
            {
                return CreateBelow(SharedMemoryRoot, name);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Not writable: fall back to the temp directory.
            }
        }

        return CreateBelow(Path.GetTempPath(), name);
    }

    /// <summary>Deletes the directory tree; failures are ignored (the watchdog also tries).</summary>
    internal static void TryDelete(string directory)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                if (Directory.Exists(directory))
                {
                    Directory.Delete(directory, recursive: true);
                }

                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A file may still have been in use; try again.
            }
        }
    }

    private static string CreateBelow(string root, string name)
    {
        var directory = Path.Combine(root, name);
        var info = Directory.CreateDirectory(directory);
        if (!OperatingSystem.IsWindows())
        {
            info.UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        }

        return directory;
    }

    private static bool HasRoom(string root, int members)
    {
        try
        {
            return Directory.Exists(root) && new DriveInfo(root).AvailableFreeSpace >= SharedMemoryBytesPerMember * members;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return false;
        }
    }
}
