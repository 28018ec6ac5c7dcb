using EtcdNet.Maintenance;
using EtcdNet.Protocol.Rpc;
using EtcdNet.Resilience;

namespace EtcdNet.Cluster;

/// <summary>
/// Finds the leader: lists the members, then asks every voting member's first client URL for its
/// Status at once. It stops as soon as a majority of the voters has answered (or all have), and
/// takes the leader reported in the highest raft term, so a member cut off from the others cannot
/// name a stale leader. When no member URL answers (advertised URLs the client cannot reach), it
/// asks the client's own endpoints instead.
/// </summary>
internal static class LeaderFinder
{
    public static async Task<EtcdNet.Member> FindAsync(RpcInvoker invoker, CancellationToken cancellationToken)
    {
        var list = await invoker.UnaryAsync(ClusterMethods.MemberList, new MemberListRequest(), cancellationToken).ConfigureAwait(false);
        var voters = list.Members.Where(m => !m.IsLearner).ToArray();
        var requireTls = MemberUrls.RequireTls(invoker);
        var reachable = voters
            .Select(m => MemberUrls.Usable(m.ClientURLs, requireTls).FirstOrDefault())
            .OfType<string>()
            .ToArray();
        var majority = (voters.Length / 2) + 1;
        var failures = new List<EndpointFailure>();
        var answers = new List<Protocol.Rpc.StatusResponse>();

        using (var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var pending = reachable.Select(url => StatusAsync(invoker, url, stop.Token)).ToList();
            try
            {
                while (pending.Count > 0 && answers.Count < majority)
                {
                    var done = await Task.WhenAny(pending).ConfigureAwait(false);
                    pending.Remove(done);
                    var (url, status, error) = await done.ConfigureAwait(false);
                    if (status is not null)
                    {
                        answers.Add(status);
                    }
                    else
                    {
                        failures.Add(new EndpointFailure(url, error!.Message, error));
                    }
                }
            }
            finally
            {
                await stop.CancelAsync().ConfigureAwait(false); // the answers needed are in
                await Task.WhenAll(pending).ConfigureAwait(false); // they catch their own failures
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (answers.Count == 0)
        {
            // No member URL answered: ask through the client's own endpoints (with retries).
            answers.Add(await invoker.UnaryAsync(MaintenanceMethods.Status, new StatusRequest(), cancellationToken).ConfigureAwait(false));
        }

        var best = answers.Where(a => a.Leader != 0).MaxBy(a => a.RaftTerm);
        if (best is null)
        {
            throw new EtcdNoLeaderException($"No member knows a leader ({answers.Count} answered, {failures.Count} failed): an election is under way or quorum is lost.");
        }

        var leader = list.Members.FirstOrDefault(m => m.ID == best.Leader)
            ?? throw new EtcdNoLeaderException($"The leader {best.Leader:x16} is not in the member list; membership is changing.");
        return new EtcdNet.Member(leader);
    }

    /// <summary>The client URL to send leader-only calls to (an https one when the client uses TLS only).</summary>
    public static string ClientUrl(RpcInvoker invoker, EtcdNet.Member leader)
        => MemberUrls.Usable(leader.ClientUrls, MemberUrls.RequireTls(invoker)).FirstOrDefault()
            ?? throw new EtcdNoLeaderException($"The leader {leader.Id:x16} advertises no client URL this client may use.");

    private static async Task<(string Url, Protocol.Rpc.StatusResponse? Status, Exception? Error)> StatusAsync(RpcInvoker invoker, string url, CancellationToken token)
    {
        try
        {
            var endpoint = EndpointCall.Resolve(invoker, url);
            return (url, await EndpointCall.UnaryAsync(invoker, endpoint, MaintenanceMethods.Status, new StatusRequest(), token).ConfigureAwait(false), null);
        }
        catch (Exception e) when (e is EtcdException or TimeoutException or OperationCanceledException or ArgumentException)
        {
            return (url, null, e);
        }
    }
}
