using EtcdNet.RobustnessTests.Checking;

namespace EtcdNet.RobustnessTests.Workload;

/// <summary>Grants leases, puts a key with each, keeps it alive a few seconds and revokes it, recording whether the client said it was lost.</summary>
public sealed class LeaseWorker(int clientId, EtcdClient client, History history, Random random)
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(4);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var n = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            long leaseId;
            var key = $"r/lease/c{clientId}-{n++}";
            try
            {
                leaseId = (await client.Lease.GrantAsync(Ttl, cancellationToken: cancellationToken)).Id;
            }
            catch (Exception e) when (e is EtcdException or TimeoutException or OperationCanceledException)
            {
                await PauseAsync(cancellationToken);
                continue;
            }

            await using var keepAlive = client.Lease.KeepAliveAsync(leaseId, CancellationToken.None);
            long? lostAt = null;
            using var onLost = keepAlive.Lost.Register(() => lostAt = History.Now);
            try
            {
                await client.PutAsync(key, "held", new PutOptions { Lease = leaseId }, cancellationToken);
                await Task.Delay(random.Next(2000, 6000), cancellationToken);
            }
            catch (Exception e) when (e is EtcdException or TimeoutException or OperationCanceledException)
            {
                // keep going to the revoke: the key may or may not exist
            }

            var lost = keepAlive.Lost.IsCancellationRequested;
            long? revoked = null;
            string? error = null;
            var revokeCall = History.Now;
            try
            {
                revoked = (await client.Lease.RevokeAsync(leaseId, CancellationToken.None)).Header.Revision;
            }
            catch (Exception e) when (e is EtcdException or TimeoutException)
            {
                error = e.Message;
            }

            history.Add(new LeaseRecord(clientId, leaseId, key, lost, revoked, error, lost ? lostAt : null, revokeCall)); // a loss after the revoke is the revoke's doing
        }
    }

    private static async Task PauseAsync(CancellationToken token)
    {
        try
        {
            await Task.Delay(200, token);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }
}
