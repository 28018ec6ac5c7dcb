using EtcdNet.RobustnessTests.Checking;
using EtcdNet.Testing;

namespace EtcdNet.RobustnessTests.Workload;

/// <summary>Injects one fault into the cluster, holds it, and heals it; returns what was done and when.</summary>
public sealed class FaultInjector(EtcdCluster cluster, EtcdClient admin, RevisionLog log, History history, Random random)
{
    public async Task<FaultRecord> InjectAsync(FaultKind kind, TimeSpan hold, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case FaultKind.KillLeader:
            case FaultKind.KillFollower:
            {
                var member = await PickAsync(kind == FaultKind.KillLeader, cancellationToken);
                await member.KillAsync(cancellationToken);
                return await HoldAsync(kind, member.Name, hold, () => member.StartAsync(CancellationToken.None), cancellationToken);
            }

            case FaultKind.PauseLeader:
            case FaultKind.PauseFollower:
            {
                var member = await PickAsync(kind == FaultKind.PauseLeader, cancellationToken);
                member.Pause();
                return await HoldAsync(kind, member.Name, hold, () => { member.Resume(); return Task.CompletedTask; }, cancellationToken);
            }

            case FaultKind.PartitionLeader:
            case FaultKind.PartitionFollower:
            {
                var member = await PickAsync(kind == FaultKind.PartitionLeader, cancellationToken);
                cluster.Partition(member);
                return await HoldAsync(kind, member.Name, hold, () => { cluster.HealPartition(); return Task.CompletedTask; }, cancellationToken);
            }

            case FaultKind.BlackHole:
            case FaultKind.BlackHoleToClient:
            case FaultKind.Refuse:
            case FaultKind.Reset:
            case FaultKind.CutMidFrame:
            case FaultKind.Latency:
            {
                var member = cluster.Members[random.Next(cluster.Members.Count)];
                var proxy = member.ClientProxy!;
                var (fault, direction) = kind switch
                {
                    FaultKind.BlackHole => (NetworkFault.BlackHole, FaultDirection.Both),
                    FaultKind.BlackHoleToClient => (NetworkFault.BlackHole, FaultDirection.ToClient),
                    FaultKind.Refuse => (NetworkFault.Refuse, FaultDirection.Both),
                    FaultKind.Reset => (NetworkFault.Reset, FaultDirection.Both),
                    FaultKind.CutMidFrame => (NetworkFault.CutAfter(random.Next(1, 4000)), random.Next(2) == 0 ? FaultDirection.ToClient : FaultDirection.ToServer),
                    _ => (NetworkFault.Latency(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100)), FaultDirection.Both),
                };
                proxy.Inject(fault, direction);
                if (kind == FaultKind.Refuse)
                {
                    proxy.ResetConnections(); // a member that went away: new connections are refused, open ones break
                }

                return await HoldAsync(kind, member.Name, hold, () => { proxy.Heal(); return Task.CompletedTask; }, cancellationToken, $"{fault} {direction}");
            }

            case FaultKind.MoveLeader:
            {
                var leader = await cluster.GetLeaderAsync(cancellationToken);
                var target = cluster.Members.First(m => m != leader && m.IsRunning);
                await using var atLeader = new EtcdClient(new EtcdClientOptions { Endpoints = [leader.ClientUrl], RequestTimeout = TimeSpan.FromSeconds(10) });
                var targetId = (await atLeader.Maintenance.StatusAsync(target.ClientUrl, cancellationToken)).Header.MemberId;
                var start = History.Now;
                await RetryAsync(() => atLeader.Maintenance.MoveLeaderAsync(targetId, cancellationToken));
                return new FaultRecord(kind, $"{leader.Name}->{target.Name}", start, History.Now);
            }

            case FaultKind.Compact:
            {
                // Keep the history the checkers need before etcd forgets it, then compact through it.
                var revision = await log.ReadThroughMarkerAsync(admin, WatchWorker.Prefix, log.CompleteThrough + 1, cancellationToken);
                var start = History.Now;
                history.AddCompaction(revision); // first: a compaction whose answer is lost may still be applied
                await RetryAsync(() => admin.CompactAsync(revision, cancellationToken: cancellationToken));
                return new FaultRecord(kind, revision.ToString(System.Globalization.CultureInfo.InvariantCulture), start, History.Now);
            }

            case FaultKind.Defragment:
            {
                var member = cluster.Members[random.Next(cluster.Members.Count)];
                var start = History.Now;
                await RetryAsync(() => admin.Maintenance.DefragmentAsync(member.ClientUrl, cancellationToken));
                return new FaultRecord(kind, member.Name, start, History.Now);
            }

            case FaultKind.ExpireTokens:
            {
                var start = History.Now;
                await RetryAsync(() => admin.Auth.AuthDisableAsync(cancellationToken)); // drops every token
                await RetryAsync(() => admin.Auth.AuthEnableAsync(cancellationToken));
                return new FaultRecord(kind, "all", start, History.Now);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    /// <summary>
    /// Runs an admin step again while etcd answers with a passing error (a leader change right after the previous
    /// fault healed): the steps are idempotent, and the fault should happen, not be skipped.
    /// </summary>
    private static async Task RetryAsync(Func<Task> step)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await step();
                return;
            }
            catch (Exception e) when (attempt < 10 && e is EtcdException { IsTransient: true } or TimeoutException)
            {
                await Task.Delay(200);
            }
        }
    }

    private async Task<EtcdMember> PickAsync(bool leader, CancellationToken cancellationToken)
    {
        var current = await cluster.GetLeaderAsync(cancellationToken);
        if (leader)
        {
            return current;
        }

        var followers = cluster.Members.Where(m => m != current).ToArray();
        return followers[random.Next(followers.Length)];
    }

    private static async Task<FaultRecord> HoldAsync(FaultKind kind, string target, TimeSpan hold, Func<Task> heal, CancellationToken cancellationToken, string? detail = null)
    {
        var start = History.Now;
        try
        {
            await Task.Delay(hold, cancellationToken);
        }
        finally
        {
            await heal();
        }

        return new FaultRecord(kind, target, start, History.Now, detail);
    }
}
