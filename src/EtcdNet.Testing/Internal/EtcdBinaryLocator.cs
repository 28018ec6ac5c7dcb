namespace EtcdNet.Testing.Internal;

/// <summary>Resolves which etcd executable to run.</summary>
internal static class EtcdBinaryLocator
{
    internal const string EnvironmentVariable = "ETCD_BINARY";

    /// <summary>
    /// Returns the full path of the etcd binary: <paramref name="configured"/> when given, else the
    /// ETCD_BINARY environment variable, else <c>etcd</c> on PATH.
    /// </summary>
    /// <exception cref="EtcdNotInstalledException">No usable binary was found.</exception>
    internal static string Resolve(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Existing(configured)
                ?? throw new EtcdNotInstalledException(EtcdNotInstalledException.ConfiguredPathMissingMessage(configured, "EtcdClusterOptions.EtcdBinary"));
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Existing(fromEnvironment)
                ?? throw new EtcdNotInstalledException(EtcdNotInstalledException.ConfiguredPathMissingMessage(fromEnvironment, EnvironmentVariable));
        }

        return FindOnPath("etcd") ?? throw new EtcdNotInstalledException();
    }

    /// <summary>A path is used as is; a bare name (no directory part) is looked up on PATH.</summary>
    private static string? Existing(string file)
    {
        if (File.Exists(file))
        {
            return Path.GetFullPath(file);
        }

        return file.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) ? null : FindOnPath(file);
    }

    private static string? FindOnPath(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate) && IsExecutable(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }

        return null;
    }

    private static bool IsExecutable(string file)
    {
        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(file) & anyExecute) != 0;
    }
}
