namespace EtcdNet.Cli.Bench;

/// <summary>lease-keepalive: each worker grants one lease, then renews it once per request.</summary>
internal sealed class LeaseKeepAliveOperation : BenchOperation
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(100);
    private long[] _leases = [];

    public override async Task PrepareAsync(IReadOnlyList<EtcdClient> connections, int workers, CancellationToken cancellationToken)
    {
        _leases = new long[workers];
        for (var w = 0; w < workers; w++)
        {
            _leases[w] = (await connections[w % connections.Count].Lease.GrantAsync(Ttl, 0, cancellationToken)).Id;
        }
    }

    public override Task ExecuteAsync(EtcdClient client, int worker, long sequence, CancellationToken cancellationToken)
        => client.Lease.KeepAliveOnceAsync(_leases[worker], cancellationToken);

    public override async Task CleanupAsync(IReadOnlyList<EtcdClient> connections, CancellationToken cancellationToken)
    {
        foreach (var id in _leases)
        {
            try
            {
                await connections[0].Lease.RevokeAsync(id, cancellationToken);
            }
            catch (EtcdException)
            {
                // Already expired or revoked: nothing left to release.
            }
        }
    }
}
