namespace EtcdNet;

/// <summary>etcd's cluster membership API: list, add (also as learner), remove, update and promote members, and find the leader.</summary>
public interface IClusterClient
{
    /// <summary>Lists the cluster's members. Retried on another endpoint when one is unavailable.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The members.</returns>
    Task<MemberListResponse> MemberListAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds a member (a write: never sent twice). Start the new etcd process afterwards with
    /// <c>--initial-cluster-state existing</c>. A learner receives the log without voting; promote it
    /// with <see cref="MemberPromoteAsync"/> once it has caught up.
    /// </summary>
    /// <param name="peerUrls">The new member's peer URLs, <c>http(s)://host:port</c>.</param>
    /// <param name="isLearner">True to add it as a learner (non-voting).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new member (with its ID) and the members after the change.</returns>
    /// <exception cref="ArgumentException">No peer URL, or one that is not <c>scheme://host:port</c>.</exception>
    /// <exception cref="EtcdPeerUrlExistsException">Another member uses one of these peer URLs.</exception>
    /// <exception cref="EtcdMemberNotEnoughStartedException">Adding a voting member now would risk quorum.</exception>
    /// <exception cref="EtcdTooManyLearnersException">The cluster already has its maximum of learners.</exception>
    /// <exception cref="EtcdUnhealthyClusterException">A member has not been connected for 5 s (e.g. just after the cluster started); etcd refuses membership changes until then.</exception>
    Task<MemberAddResponse> MemberAddAsync(IEnumerable<string> peerUrls, bool isLearner = false, CancellationToken cancellationToken = default);

    /// <summary>Removes a member (a write: never sent twice).</summary>
    /// <param name="id">The member ID.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The members after the change.</returns>
    /// <exception cref="EtcdMemberNotFoundException">No member has this ID.</exception>
    /// <exception cref="EtcdMemberNotEnoughStartedException">Removing it would risk quorum.</exception>
    Task<MemberRemoveResponse> MemberRemoveAsync(ulong id, CancellationToken cancellationToken = default);

    /// <summary>Changes a member's peer URLs (a write: never sent twice).</summary>
    /// <param name="id">The member ID.</param>
    /// <param name="peerUrls">The new peer URLs, <c>http(s)://host:port</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The members after the change.</returns>
    /// <exception cref="ArgumentException">No peer URL, or one that is not <c>scheme://host:port</c>.</exception>
    /// <exception cref="EtcdMemberNotFoundException">No member has this ID.</exception>
    /// <exception cref="EtcdPeerUrlExistsException">Another member uses one of these peer URLs.</exception>
    Task<MemberUpdateResponse> MemberUpdateAsync(ulong id, IEnumerable<string> peerUrls, CancellationToken cancellationToken = default);

    /// <summary>Promotes a learner to a voting member (a write: never sent twice).</summary>
    /// <param name="id">The learner's member ID.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The members after the change.</returns>
    /// <exception cref="EtcdLearnerNotReadyException">The learner has not caught up with the leader yet; try again later.</exception>
    /// <exception cref="EtcdMemberNotLearnerException">The member is not a learner.</exception>
    /// <exception cref="EtcdMemberNotFoundException">No member has this ID.</exception>
    Task<MemberPromoteResponse> MemberPromoteAsync(ulong id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Finds the leader: lists the members and asks each voting member's first client URL for its
    /// status, until a majority has answered; the leader seen in the highest raft term wins.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The leader.</returns>
    /// <exception cref="EtcdNoLeaderException">No member that answered knows a leader (an election is under way, or quorum is lost).</exception>
    /// <exception cref="EtcdUnavailableException">No member could be reached.</exception>
    Task<Member> MemberLeaderAsync(CancellationToken cancellationToken = default);
}
