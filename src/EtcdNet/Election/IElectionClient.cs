namespace EtcdNet;

/// <summary>
/// etcd's Election service (v3electionpb): campaign for leadership, proclaim values, observe and resign.
/// Each campaigner creates a key <c>{name}/{lease ID in hex}</c> attached to its lease, holding its value;
/// the campaigner with the oldest key leads. Leadership ends on <see cref="ResignAsync"/>, or when the
/// lease expires or is revoked; the next campaigner then leads.
/// </summary>
public interface IElectionClient
{
    /// <summary>
    /// Campaigns for leadership and waits until it is won, as long as it takes: the client's request
    /// timeout does not apply, only <paramref name="cancellationToken"/> bounds the wait. Cancelling a
    /// campaign withdraws it (etcd deletes the campaigner's key). Campaigning again with a lease that
    /// already campaigns on this election resumes that campaign (proclaiming the new value).
    /// </summary>
    /// <param name="name">The election's name.</param>
    /// <param name="leaseId">The lease the leadership is attached to; keep it alive for as long as you lead.</param>
    /// <param name="value">The value proclaimed once leadership is won.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The leadership, for <see cref="ProclaimAsync"/> and <see cref="ResignAsync"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="leaseId"/> is not positive.</exception>
    /// <exception cref="EtcdLeaseNotFoundException">The lease does not exist (expired, revoked, or never granted).</exception>
    /// <exception cref="EtcdOutcomeUnknownException">
    /// The connection broke while campaigning; the campaign may still be in place. Campaign again with the
    /// same lease to resume it, or revoke the lease.
    /// </exception>
    Task<LeaderKey> CampaignAsync(EtcdBytes name, long leaseId, EtcdBytes value, CancellationToken cancellationToken = default);

    /// <summary>Publishes a new value as the election's leader, without an election.</summary>
    /// <param name="leader">The leadership, from <see cref="CampaignAsync"/>.</param>
    /// <param name="value">The new value.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentNullException"><paramref name="leader"/> is null.</exception>
    /// <exception cref="EtcdElectionNotLeaderException">The leadership was lost (resigned, or its lease expired).</exception>
    Task<ProclaimResponse> ProclaimAsync(LeaderKey leader, EtcdBytes value, CancellationToken cancellationToken = default);

    /// <summary>Reads the election's current leader and its proclaimed value.</summary>
    /// <param name="name">The election's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    /// <exception cref="EtcdElectionNoLeaderException">The election has no leader.</exception>
    Task<LeaderResponse> LeaderAsync(EtcdBytes name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams the election's proclamations in order: the current leader's value first (once there is a
    /// leader), then every value proclaimed after it, by this leader and the next ones. The enumeration
    /// runs until <paramref name="cancellationToken"/> is cancelled or the consumer stops. When the stream
    /// ends without being asked to (member failure, network error), it reconnects to another endpoint with
    /// backoff and continues where it left off: proclamations made in the meantime are read back from the
    /// election's history, and none is delivered twice. Deliveries are ordered by
    /// (<see cref="KeyValue.CreateRevision"/>, <see cref="KeyValue.ModRevision"/>) of <see cref="LeaderResponse.Kv"/>:
    /// leadership, then proclamation.
    /// </summary>
    /// <remarks>
    /// Reading back missed proclamations is best effort, bounded by the request timeout: once the store is
    /// compacted past them they are gone, and the observation continues from the current value. As with
    /// etcd's own Observe, a new leader's campaign value may be skipped when it proclaims again at once.
    /// </remarks>
    /// <param name="name">The election's name.</param>
    /// <param name="cancellationToken">Ends the observation.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty (thrown by the call, before enumeration).</exception>
    /// <exception cref="EtcdPermissionDeniedException">The client's user may not read the election (thrown by the enumeration).</exception>
    /// <exception cref="EtcdUserEmptyException">Authentication is enabled and the client has no credentials (thrown by the enumeration).</exception>
    IAsyncEnumerable<LeaderResponse> ObserveAsync(EtcdBytes name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gives up leadership: deletes the leadership key, so the next campaigner leads. Resigning a
    /// leadership that is already lost does nothing.
    /// </summary>
    /// <param name="leader">The leadership, from <see cref="CampaignAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentNullException"><paramref name="leader"/> is null.</exception>
    Task<ResignResponse> ResignAsync(LeaderKey leader, CancellationToken cancellationToken = default);
}
