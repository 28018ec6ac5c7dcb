namespace EtcdNet;

/// <summary>
/// etcd's maintenance API: status, defragmentation, alarms, hashes, snapshots, leader transfer and
/// the server version. Calls that take an <c>endpoint</c> go to that member only (it need not be one
/// of the client's endpoints) and are not retried elsewhere.
/// </summary>
public interface IMaintenanceClient
{
    /// <summary>Gets the status of one member.</summary>
    /// <param name="endpoint">The member's client URL, e.g. <c>http://127.0.0.1:2379</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The member's version, database size, raft state, leader and errors.</returns>
    /// <exception cref="ArgumentException"><paramref name="endpoint"/> is not a valid endpoint URL.</exception>
    /// <exception cref="EtcdUnavailableException">The member could not be reached.</exception>
    Task<StatusResponse> StatusAsync(string endpoint, CancellationToken cancellationToken = default);

    /// <summary>
    /// Defragments one member's backend database, returning free space to the file system. The
    /// member answers nothing else while it runs. Not repeatable: a broken connection gives
    /// <see cref="EtcdOutcomeUnknownException"/>.
    /// </summary>
    /// <param name="endpoint">The member's client URL.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response header.</returns>
    Task<DefragmentResponse> DefragmentAsync(string endpoint, CancellationToken cancellationToken = default);

    /// <summary>Lists the alarms raised in the cluster.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Every raised alarm with its member.</returns>
    Task<AlarmResponse> AlarmListAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Disarms an alarm. With <paramref name="memberId"/> 0 and <see cref="AlarmType.None"/>, disarms
    /// every raised alarm (as etcd's Go client). Free the space first: a NOSPACE alarm is raised again
    /// by the next write that does not fit.
    /// </summary>
    /// <param name="memberId">The member the alarm is raised on.</param>
    /// <param name="alarmType">The kind of alarm.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The alarms disarmed.</returns>
    Task<AlarmResponse> AlarmDisarmAsync(ulong memberId, AlarmType alarmType, CancellationToken cancellationToken = default);

    /// <summary>Disarms every raised alarm: lists them, then disarms each.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The alarms disarmed.</returns>
    Task<AlarmResponse> AlarmDisarmAllAsync(CancellationToken cancellationToken = default);

    /// <summary>Computes the hash of one member's whole backend database (for tests: it covers more than the keys).</summary>
    /// <param name="endpoint">The member's client URL.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The hash and the revision it was computed at.</returns>
    Task<HashResponse> HashAsync(string endpoint, CancellationToken cancellationToken = default);

    /// <summary>Computes the hash of one member's key-value history up to a revision; members that agree report the same hash.</summary>
    /// <param name="endpoint">The member's client URL.</param>
    /// <param name="revision">The revision to hash up to; 0 for the member's current revision.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The hash, and the compact revision the hashed history starts at.</returns>
    /// <exception cref="EtcdFutureRevisionException">The member has not reached <paramref name="revision"/> yet.</exception>
    /// <exception cref="EtcdCompactedException"><paramref name="revision"/> is compacted.</exception>
    Task<HashKvResponse> HashKvAsync(string endpoint, long revision = 0, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams a snapshot of the backend database into <paramref name="destination"/> as it arrives
    /// (32 KiB at a time), in the format of <c>etcdctl snapshot save</c>. The client's request timeout
    /// does not apply (a large database takes long); cancel through the token. The call moves to
    /// another endpoint only if one fails before any byte was written; otherwise
    /// <paramref name="destination"/> holds a partial snapshot when it throws.
    /// </summary>
    /// <param name="destination">A writable stream; it is not flushed or closed.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The bytes written and the snapshot's header.</returns>
    Task<SnapshotResult> SnapshotAsync(Stream destination, CancellationToken cancellationToken = default);

    /// <summary>
    /// Transfers leadership to another voting member. The call finds the current leader (as
    /// <see cref="IClusterClient.MemberLeaderAsync"/>) and goes to its first client URL; if leadership
    /// moves meanwhile, it finds the leader again (up to 3 times).
    /// </summary>
    /// <param name="targetMemberId">The ID of the member to become leader.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response header.</returns>
    /// <exception cref="EtcdBadLeaderTransfereeException">The target cannot take leadership (unknown, a learner, or not started).</exception>
    /// <exception cref="EtcdNotLeaderException">The leader kept changing.</exception>
    Task<MoveLeaderResponse> MoveLeaderAsync(ulong targetMemberId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets the etcd server and cluster versions from the HTTP <c>/version</c> endpoint of one of the
    /// client's endpoints; when none serves it, gets the server version from a Status call and
    /// leaves the cluster version null.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The versions.</returns>
    Task<VersionResponse> GetServerVersionAsync(CancellationToken cancellationToken = default);
}
