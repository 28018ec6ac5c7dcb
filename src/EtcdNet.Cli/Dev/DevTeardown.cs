namespace EtcdNet.Cli.Dev;

/// <summary>Stops a dev cluster: SIGTERM to the host and a wait, SIGKILL to whatever is left, then deletes its data.</summary>
internal static class DevTeardown
{
    private static readonly TimeSpan GracefulWait = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan KillWait = TimeSpan.FromSeconds(5);

    /// <summary>Stops everything found in <paramref name="paths"/>; returns a description of what was stopped, null when nothing ran.</summary>
    public static async Task<string?> StopAsync(DevPaths paths, CancellationToken cancellationToken)
    {
        var state = DevState.TryRead(paths);
        var hostPid = state?.HostPid ?? DevProcesses.ReadPidFile(paths.HostPidFile);
        var hostMarker = DevHostCommandLine.Marker(paths);
        string? stopped = null;
        if (DevProcesses.IsAlive(hostPid, hostMarker))
        {
            stopped = state is null ? "the dev host (it had not finished starting)" : $"the {state.Members.Count}-member etcd dev cluster";
            await DevProcesses.SignalAsync(hostPid, kill: false, cancellationToken);
            if (!await DevProcesses.WaitGoneAsync(hostPid, hostMarker, GracefulWait, cancellationToken))
            {
                await DevProcesses.SignalAsync(hostPid, kill: true, cancellationToken);
                await DevProcesses.WaitGoneAsync(hostPid, hostMarker, KillWait, cancellationToken);
            }
        }

        // Members outlive a host killed with SIGKILL only until its watchdog notices; do not wait for that.
        foreach (var member in state?.Members ?? [])
        {
            if (DevProcesses.IsAlive(member.Pid, state!.ClusterDirectory))
            {
                stopped ??= "leftover etcd processes";
                await DevProcesses.SignalAsync(member.Pid, kill: true, cancellationToken);
                await DevProcesses.WaitGoneAsync(member.Pid, state.ClusterDirectory, KillWait, cancellationToken);
            }
        }

        DeleteData(paths);
        return stopped;
    }

    /// <summary>Deletes the data dirs, TLS files and state; keeps the folder and the host log.</summary>
    public static void DeleteData(DevPaths paths)
    {
        if (!Directory.Exists(paths.Directory))
        {
            return;
        }

        if (Directory.Exists(paths.DataDirectory))
        {
            Directory.Delete(paths.DataDirectory, recursive: true);
        }

        File.Delete(paths.StateFile);
        File.Delete(paths.StateFile + ".tmp");
        File.Delete(paths.HostPidFile);
        File.Delete(paths.ErrorFile);
    }
}
