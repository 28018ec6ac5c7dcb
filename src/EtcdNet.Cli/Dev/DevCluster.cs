namespace EtcdNet.Cli.Dev;

/// <summary>The dev cluster recorded in a folder, if its host still runs.</summary>
internal static class DevCluster
{
    /// <summary>The state of the running dev cluster in <paramref name="paths"/>, or null when none runs there.</summary>
    public static DevState? FindRunning(DevPaths paths)
        => DevState.TryRead(paths) is { } state && DevProcesses.IsAlive(state.HostPid, DevHostCommandLine.Marker(paths)) ? state : null;

    /// <summary>True when a host process for <paramref name="paths"/> runs (also while it is still starting).</summary>
    public static bool HostRuns(DevPaths paths)
    {
        var pid = DevState.TryRead(paths)?.HostPid ?? DevProcesses.ReadPidFile(paths.HostPidFile);
        return DevProcesses.IsAlive(pid, DevHostCommandLine.Marker(paths));
    }
}
