using EtcdNet.Testing.Internal;

namespace EtcdNet.Testing;

/// <summary>The fault proxies of a cluster started with <see cref="EtcdClusterOptions.FaultProxies"/>, and peer partitions.</summary>
public sealed partial class EtcdCluster
{
    /// <summary>
    /// Cuts <paramref name="isolated"/> off from the other members on the peer network, both ways, while clients still
    /// reach every member: raft traffic between the two sides is held back, as by a network that drops it (a minority
    /// side then has no leader). Replaces the previous partition. Traffic within each side flows.
    /// </summary>
    /// <param name="isolated">The members on one side (for example, the leader); the others are on the other side.</param>
    /// <exception cref="InvalidOperationException">The cluster was not started with <see cref="EtcdClusterOptions.FaultProxies"/>.</exception>
    /// <exception cref="ArgumentException">A member of another cluster.</exception>
    public void Partition(params EtcdMember[] isolated)
    {
        ArgumentNullException.ThrowIfNull(isolated);
        ThrowIfDisposed();
        RequireProxies();
        var side = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in isolated)
        {
            if (!_members.Contains(member))
            {
                throw new ArgumentException($"{member.Name} is not a member of this cluster.", nameof(isolated));
            }

            side.Add(member.Name);
        }

        foreach (var member in _members)
        {
            var inside = side.Contains(member.Name);
            // A connection from a known member crosses the cut when its origin is on the other side; one of unknown
            // origin is held back only on the isolated side.
            member.PeerProxy!.BlockOrigins(origin => origin is null ? inside : side.Contains(origin) != inside);
        }

        _launcherLog.Add($"*** partition: {string.Join(',', side)} cut off from the other members");
    }

    /// <summary>Ends a partition made by <see cref="Partition"/>: peer traffic flows again (held bytes are delivered).</summary>
    /// <exception cref="InvalidOperationException">The cluster was not started with <see cref="EtcdClusterOptions.FaultProxies"/>.</exception>
    public void HealPartition()
    {
        ThrowIfDisposed();
        RequireProxies();
        foreach (var member in _members)
        {
            member.PeerProxy!.BlockOrigins(null);
        }

        _launcherLog.Add("*** partition healed");
    }

    /// <summary>Ends every fault of every proxy (client and peer) and any partition.</summary>
    /// <exception cref="InvalidOperationException">The cluster was not started with <see cref="EtcdClusterOptions.FaultProxies"/>.</exception>
    public void HealNetwork()
    {
        HealPartition();
        foreach (var member in _members)
        {
            member.ClientProxy!.Heal();
            member.PeerProxy!.Heal();
        }
    }

    /// <summary>
    /// Creates the members, with their fault proxies when asked. A proxy that cannot bind its port stops everything
    /// made so far and fails as a port conflict, so the cluster is started again on new ports.
    /// </summary>
    private EtcdMember[] CreateMembers(MemberSetup[] setups)
    {
        var proxies = new List<TcpFaultProxy>();
        try
        {
            return setups.Select(setup =>
            {
                TcpFaultProxy? clientProxy = null;
                TcpFaultProxy? peerProxy = null;
                if (setup.ClientProxyPort != 0)
                {
                    clientProxy = TcpFaultProxy.Start(setup.ClientPort, setup.ClientProxyPort);
                    proxies.Add(clientProxy);
                    peerProxy = TcpFaultProxy.Start(setup.PeerPort, setup.PeerProxyPort, remote => IdentifyMember(remote, setup.PeerProxyPort));
                    proxies.Add(peerProxy);
                }

                return new EtcdMember(setup, _log.CreateMemberLog(setup.Name), new OperationGate($"etcd member {setup.Name}"), _http, clientProxy, peerProxy);
            }).ToArray();
        }
        catch (System.Net.Sockets.SocketException e)
        {
            foreach (var proxy in proxies)
            {
                proxy.Close();
            }

            _http.Dispose();
            Internal.ClusterDirectory.TryDelete(ClusterDirectory);
            throw new EtcdStartException("proxy", $"a fault proxy could not bind its port: {e.Message}", "address already in use", e);
        }
    }

    /// <summary>The name of the member whose process opened the connection from <paramref name="remote"/>, or null.</summary>
    private string? IdentifyMember(System.Net.IPEndPoint remote, int proxyPort)
    {
        if (LoopbackSocketOwner.FindInode(remote, proxyPort) is not { } inode)
        {
            return null;
        }

        return Array.Find(_members ?? [], m => m.ProcessId is { } pid && LoopbackSocketOwner.Owns(pid, inode))?.Name;
    }

    private void RequireProxies()
    {
        if (!_options.FaultProxies)
        {
            throw new InvalidOperationException("The cluster has no fault proxies: start it with EtcdClusterOptions.FaultProxies = true.");
        }
    }

    private async Task DisposeProxiesAsync()
    {
        foreach (var member in _members)
        {
            if (member.ClientProxy is { } client)
            {
                await client.DisposeAsync().ConfigureAwait(false);
            }

            if (member.PeerProxy is { } peer)
            {
                await peer.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
