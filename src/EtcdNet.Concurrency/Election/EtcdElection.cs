using EtcdNet.Concurrency.Internal;
using EtcdNet.Resilience;

namespace EtcdNet.Concurrency;

/// <summary>
/// A leader election with the same key layout and protocol as etcd's Go <c>concurrency.Election</c> (and so
/// <c>etcdctl elect</c>): each candidate puts <c>name/&lt;lease hex&gt;</c> with its value, attached to its session's
/// lease; the key with the lowest create revision is the leader and its value is the leader's proclamation.
/// </summary>
public sealed partial class EtcdElection
{
    private readonly object _gate = new();
    private string? _leaderKey;
    private long _leaderRevision;

    /// <summary>Creates an election named <paramref name="name"/> for <paramref name="session"/>; no call is made to etcd.</summary>
    /// <param name="session">The session whose lease the candidate key is attached to.</param>
    /// <param name="name">The election name; the keys live under <c>name/</c>.</param>
    public EtcdElection(EtcdSession session, string name)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentException.ThrowIfNullOrEmpty(name);
        Session = session;
        Prefix = ConcurrencyKeys.Prefix(name);
    }

    /// <summary>
    /// Resumes leadership held before a restart (Go: <c>ResumeElection</c>), given the leader key and its create revision
    /// (from <see cref="LeaderKey"/> and <see cref="LeaderRevision"/>); the session must hold the key's lease
    /// (see the <c>leaseId</c> of <see cref="EtcdSession.CreateAsync(IEtcdClient, TimeSpan?, long, CancellationToken)"/>). No call is made to etcd.
    /// </summary>
    /// <param name="session">The session holding the leader key's lease.</param>
    /// <param name="name">The election name.</param>
    /// <param name="leaderKey">The leader key.</param>
    /// <param name="leaderRevision">The create revision of the leader key.</param>
    public EtcdElection(EtcdSession session, string name, string leaderKey, long leaderRevision)
        : this(session, name)
    {
        ArgumentException.ThrowIfNullOrEmpty(leaderKey);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(leaderRevision);
        _leaderKey = leaderKey;
        _leaderRevision = leaderRevision;
    }

    /// <summary>The session the election uses.</summary>
    public EtcdSession Session { get; }

    /// <summary>The key prefix shared by every candidate (the name followed by <c>/</c>).</summary>
    public string Prefix { get; }

    /// <summary>This candidate's key once <see cref="CampaignAsync"/> succeeded; null otherwise.</summary>
    public string? LeaderKey
    {
        get { lock (_gate) { return _leaderKey; } }
    }

    /// <summary>The create revision of <see cref="LeaderKey"/> (a fencing token); 0 when not leader.</summary>
    public long LeaderRevision
    {
        get { lock (_gate) { return _leaderKey is null ? 0 : _leaderRevision; } }
    }

    /// <summary>
    /// Resumes leadership held before a restart: like the resuming constructor, after checking that the key still
    /// exists with that create revision.
    /// </summary>
    /// <param name="session">The session holding the leader key's lease.</param>
    /// <param name="name">The election name.</param>
    /// <param name="leaderKey">The leader key.</param>
    /// <param name="leaderRevision">The create revision of the leader key.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The election, leader again.</returns>
    /// <exception cref="EtcdElectionNotLeaderException">The key is gone or was re-created.</exception>
    public static async Task<EtcdElection> ResumeAsync(EtcdSession session, string name, string leaderKey, long leaderRevision, CancellationToken cancellationToken = default)
    {
        var election = new EtcdElection(session, name, leaderKey, leaderRevision);
        var current = await session.Client.GetAsync(leaderKey, null, cancellationToken).ConfigureAwait(false);
        if (current.Kvs.Count == 0 || current.Kvs[0].CreateRevision != leaderRevision)
        {
            throw new EtcdElectionNotLeaderException("The leader key '" + leaderKey + "' no longer exists with revision " + leaderRevision + ".");
        }

        return election;
    }

    /// <summary>
    /// Campaigns: puts this session's key with <paramref name="value"/> (or updates the value of the key it already has),
    /// then waits until every key created before it is deleted, at which point this candidate is the leader.
    /// Cancelling the wait withdraws the candidacy.
    /// </summary>
    /// <param name="value">The value to proclaim once leader.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when this candidate is the leader.</returns>
    public async Task CampaignAsync(string value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        var key = ConcurrencyKeys.OwnerKey(Prefix, Session.LeaseId);
        var response = await Session.Client.Txn()
            .If(Compare.CreateRevision(key, CompareOp.Equal, 0))
            .Then(Op.Put(key, value, new PutOptions { Lease = Session.LeaseId }))
            .Else(Op.Get(key))
            .Repeatable()
            .CommitAsync(cancellationToken).ConfigureAwait(false);
        var revision = response.Header.Revision;
        if (!response.Succeeded)
        {
            var existing = response.Responses[0].Get!.Kvs[0];
            revision = existing.CreateRevision;
            SetLeader(key, revision);
            if (existing.ValueString != value)
            {
                try
                {
                    await ProclaimAsync(value, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    await ResignAsync(CancellationToken.None).ConfigureAwait(false);
                    throw;
                }
            }
        }

        SetLeader(key, revision);
        try
        {
            await DeleteWaiter.WaitDeletesAsync(Session.Client, Prefix, revision - 1, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await ResignAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        catch
        {
            SetLeader(null, 0);
            throw;
        }
    }

    /// <summary>Changes the leader's value, only if this candidate still holds the leader key (Go: <c>Proclaim</c>).</summary>
    /// <param name="value">The new value.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the value is written.</returns>
    /// <exception cref="EtcdElectionNotLeaderException">This candidate is not the leader.</exception>
    public async Task ProclaimAsync(string value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        var (key, revision) = GetLeader();
        if (key is null)
        {
            throw new EtcdElectionNotLeaderException();
        }

        var response = await Session.Client.Txn()
            .If(Compare.CreateRevision(key, CompareOp.Equal, revision))
            .Then(Op.Put(key, value, new PutOptions { Lease = Session.LeaseId }))
            .Repeatable()
            .CommitAsync(cancellationToken).ConfigureAwait(false);
        if (!response.Succeeded)
        {
            SetLeader(null, 0);
            throw new EtcdElectionNotLeaderException();
        }
    }

    /// <summary>Gives up leadership (or candidacy) by deleting this candidate's key, if it still has the same revision. No-op when not a candidate.</summary>
    /// <param name="cancellationToken">Cancels the call; when it cannot be cancelled a 5 s limit applies.</param>
    /// <returns>A task that completes when the key is deleted.</returns>
    public async Task ResignAsync(CancellationToken cancellationToken = default)
    {
        var (key, revision) = GetLeader();
        if (key is null)
        {
            return;
        }

        using var limit = cancellationToken.CanBeCanceled ? null : new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await Session.Client.Txn()
                .If(Compare.CreateRevision(key, CompareOp.Equal, revision))
                .Then(Op.Delete(key))
                .Repeatable()
                .CommitAsync(limit?.Token ?? cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            SetLeader(null, 0);
        }
    }

    /// <summary>Reads the current leader: the first-created key under <see cref="Prefix"/> (Go: <c>Leader</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The leader's key and value.</returns>
    /// <exception cref="EtcdElectionNoLeaderException">There is no candidate.</exception>
    public async Task<KeyValue> LeaderAsync(CancellationToken cancellationToken = default)
    {
        var response = await Session.Client.GetAsync(Prefix, GetOptions.FirstCreate, cancellationToken).ConfigureAwait(false);
        return response.Kvs.Count == 0 ? throw new EtcdElectionNoLeaderException() : response.Kvs[0];
    }

    private (string? Key, long Revision) GetLeader()
    {
        lock (_gate)
        {
            return (_leaderKey, _leaderRevision);
        }
    }

    private void SetLeader(string? key, long revision)
    {
        lock (_gate)
        {
            _leaderKey = key;
            _leaderRevision = revision;
        }
    }
}
