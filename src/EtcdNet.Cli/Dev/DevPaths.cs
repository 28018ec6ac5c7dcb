namespace EtcdNet.Cli.Dev;

/// <summary>The folder of one dev cluster and the files in it.</summary>
internal sealed record DevPaths(string Directory)
{
    /// <summary>The environment variable that overrides the default folder.</summary>
    public const string DirectoryVariable = "ETCDNET_DEV_DIR";

    /// <summary>The cluster description written by the host once every member is healthy.</summary>
    public string StateFile => Path.Combine(Directory, "state.json");

    /// <summary>The host's process id, written by the host as soon as it starts.</summary>
    public string HostPidFile => Path.Combine(Directory, "host.pid");

    /// <summary>Why the host could not start the cluster (one line), written before it exits.</summary>
    public string ErrorFile => Path.Combine(Directory, "host.error");

    /// <summary>The host's standard output and error, with every etcd log line.</summary>
    public string LogFile => Path.Combine(Directory, "host.log");

    /// <summary>Where the members' data dirs and the TLS files live.</summary>
    public string DataDirectory => Path.Combine(Directory, "data");

    /// <summary>
    /// The folder given with --dir, else <c>$ETCDNET_DEV_DIR</c>, else <c>~/.etcdnet/dev</c>; always absolute.
    /// </summary>
    public static DevPaths Resolve(string? directory, Func<string, string?> environment)
    {
        if (string.IsNullOrWhiteSpace(directory))
        {
            directory = environment(DirectoryVariable);
        }

        if (string.IsNullOrWhiteSpace(directory))
        {
            var home = environment("HOME");
            if (string.IsNullOrWhiteSpace(home))
            {
                home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            }

            directory = Path.Combine(home, ".etcdnet", "dev");
        }

        return new DevPaths(Path.GetFullPath(directory));
    }
}
