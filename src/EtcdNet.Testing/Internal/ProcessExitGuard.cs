namespace EtcdNet.Testing.Internal;

/// <summary>Kills the members of clusters that were never disposed when the process exits normally.</summary>
internal static class ProcessExitGuard
{
    private static readonly HashSet<EtcdCluster> Live = [];
    private static bool _subscribed;

    internal static void Register(EtcdCluster cluster)
    {
        lock (Live)
        {
            if (!_subscribed)
            {
                AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
                _subscribed = true;
            }

            Live.Add(cluster);
        }
    }

    internal static void Unregister(EtcdCluster cluster)
    {
        lock (Live)
        {
            Live.Remove(cluster);
        }
    }

    private static void OnProcessExit(object? sender, EventArgs e)
    {
        EtcdCluster[] clusters;
        lock (Live)
        {
            clusters = [.. Live];
            Live.Clear();
        }

        foreach (var cluster in clusters)
        {
            cluster.KillImmediately();
        }
    }
}
