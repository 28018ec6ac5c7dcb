using EtcdNet.Lease;
using EtcdNet.Protocol.Rpc;
using EtcdNet.Resilience;

namespace EtcdNet.Kv;

/// <summary>
/// The KV service client: every call is one RPC through the shared invoker, except a put with a TTL
/// (<see cref="PutOptions.Ttl"/> or the client's default TTL), which grants its lease first.
/// </summary>
internal sealed partial class KvClient : IKvClient
{
    private readonly RpcInvoker _invoker;

    public KvClient(RpcInvoker invoker, TimeSpan? defaultTtl = null, Namespace.KeyPrefix? prefix = null)
    {
        _prefix = prefix;
        if (defaultTtl is { } ttl)
        {
            ValidateTtl(ttl, nameof(defaultTtl));
        }

        _invoker = invoker;
        DefaultTtl = defaultTtl;
    }

    /// <summary>The TTL given to puts that name no lease (<see cref="EtcdClientOptions.DefaultTtl"/>), or null.</summary>
    public TimeSpan? DefaultTtl { get; }

    public async Task<EtcdNet.PutResponse> PutAsync(EtcdBytes key, EtcdBytes value, PutOptions? options = null, CancellationToken cancellationToken = default)
    {
        // Build (and validate) the request before granting anything.
        var request = OpRequests.Put(key, value, WithoutTtl(options));
        var lease = await GrantTtlLeaseAsync(options, cancellationToken).ConfigureAwait(false);
        if (lease != 0)
        {
            request.Lease = lease;
        }

        return new(await PutCoreAsync(request, cancellationToken).ConfigureAwait(false));
    }

    public async Task<GetResponse> GetAsync(EtcdBytes key, GetOptions? options = null, CancellationToken cancellationToken = default)
        => new(await RangeAsync(OpRequests.Range(key, options), cancellationToken).ConfigureAwait(false));

    public async Task<DeleteResponse> DeleteAsync(EtcdBytes key, DeleteOptions? options = null, CancellationToken cancellationToken = default)
        => new(await DeleteCoreAsync(OpRequests.Delete(key, options), cancellationToken).ConfigureAwait(false));

    public async Task<CompactResponse> CompactAsync(long revision, bool physical = false, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(revision);
        var request = new CompactionRequest { Revision = revision, Physical = physical };
        return new CompactResponse(await WithCompactRevisionAsync(_invoker.UnaryAsync(KvMethods.Compact, request, cancellationToken), null, cancellationToken).ConfigureAwait(false));
    }

    public async Task<OpResponse> DoAsync(Op op, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(op);
        var request = op.Request;
        return op.Kind switch
        {
            OpKind.Get => OpResponse.FromGet(new GetResponse(await RangeAsync(request.RequestRange, cancellationToken).ConfigureAwait(false))),
            OpKind.Put => OpResponse.FromPut(new EtcdNet.PutResponse(await PutCoreAsync(await WithDefaultTtlAsync(request.RequestPut, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false))),
            OpKind.Delete => OpResponse.FromDelete(new DeleteResponse(await DeleteCoreAsync(request.RequestDeleteRange, cancellationToken).ConfigureAwait(false))),
            _ => OpResponse.FromTxn(await CommitAsync(request.RequestTxn, TxnRetry.AsWrite, cancellationToken).ConfigureAwait(false)),
        };
    }

    public Txn Txn() => new(CommitAsync);

    /// <summary>
    /// Resolves the TTL of a put for callers that build the put themselves (the conditional puts):
    /// returns options whose <see cref="PutOptions.Lease"/> is a lease granted for
    /// <see cref="PutOptions.Ttl"/> (or the default TTL) and whose Ttl is cleared, with the granted
    /// lease ID (0 when none was granted).
    /// </summary>
    internal async Task<(PutOptions? Options, long GrantedLease)> ResolveTtlAsync(PutOptions? options, CancellationToken cancellationToken)
    {
        var withoutTtl = WithoutTtl(options);
        var lease = await GrantTtlLeaseAsync(options, cancellationToken).ConfigureAwait(false);
        return lease == 0 ? (withoutTtl, 0) : ((withoutTtl ?? new PutOptions()) with { Lease = lease }, lease);
    }

    /// <summary>Revokes a lease granted for a put that did not happen (its key was never attached); failures are ignored, the lease then expires on its own.</summary>
    internal async Task RevokeUnusedLeaseAsync(long lease, CancellationToken cancellationToken)
    {
        try
        {
            await _invoker.UnaryAsync(LeaseMethods.Revoke, new LeaseRevokeRequest { ID = lease }, cancellationToken).ConfigureAwait(false);
        }
        catch (EtcdException)
        {
            // best effort: the lease has no keys and expires after its TTL
        }
    }

    /// <summary>Checks a TTL for a put: whole seconds, at least one.</summary>
    internal static void ValidateTtl(TimeSpan ttl, string name)
    {
        if (TtlProblem(ttl) is { } problem)
        {
            throw new ArgumentOutOfRangeException(name, ttl, $"{name} {problem}.");
        }
    }

    /// <summary>Why <paramref name="ttl"/> cannot be a lease TTL, or null when it can.</summary>
    internal static string? TtlProblem(TimeSpan ttl)
        => ttl < TimeSpan.FromSeconds(1) || ttl.Ticks % TimeSpan.TicksPerSecond != 0
            ? $"must be a whole number of seconds, at least 1 s: etcd lease TTLs are whole seconds (got {ttl})"
            : null;

    private static PutOptions? WithoutTtl(PutOptions? options)
        => options?.Ttl is null ? options : options with { Ttl = null };

    /// <summary>Grants the lease a put needs for its TTL (its own, or the default); 0 when the put takes no TTL.</summary>
    private Task<long> GrantTtlLeaseAsync(PutOptions? options, CancellationToken cancellationToken)
    {
        if (options?.Ttl is { } ttl)
        {
            ValidateTtl(ttl, nameof(PutOptions.Ttl));
            if (options.Lease != 0 || options.IgnoreLease)
            {
                throw new ArgumentException("PutOptions.Ttl cannot be combined with Lease or IgnoreLease: a TTL grants a lease of its own.", nameof(options));
            }

            return GrantAsync(ttl, cancellationToken);
        }

        return DefaultTtl is { } defaultTtl && (options is null || (options.Lease == 0 && !options.IgnoreLease))
            ? GrantAsync(defaultTtl, cancellationToken)
            : Task.FromResult(0L);
    }

    private async Task<PutRequest> WithDefaultTtlAsync(PutRequest request, CancellationToken cancellationToken)
    {
        if (DefaultTtl is not { } ttl || request.Lease != 0 || request.IgnoreLease)
        {
            return request;
        }

        var withLease = request.Clone(); // the Op may be run again
        withLease.Lease = await GrantAsync(ttl, cancellationToken).ConfigureAwait(false);
        return withLease;
    }

    private async Task<long> GrantAsync(TimeSpan ttl, CancellationToken cancellationToken)
    {
        var response = await _invoker.UnaryAsync(LeaseMethods.Grant, new LeaseGrantRequest { TTL = (long)ttl.TotalSeconds }, cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(response.Error))
        {
            throw new EtcdException(response.Error, GrpcStatusCode.Unknown, response.Error);
        }

        return response.ID;
    }

    private async Task<EtcdNet.TxnResponse> CommitAsync(TxnRequest request, TxnRetry retry, CancellationToken cancellationToken)
        => new(await TxnCoreAsync(request, retry, cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// etcd's compacted error does not say which revision the store is compacted to; find out before reporting it,
    /// watching <paramref name="readKey"/> (a key the call read, so the user may watch it) when there is one.
    /// </summary>
    private async Task<T> WithCompactRevisionAsync<T>(Task<T> call, Google.Protobuf.ByteString? readKey, CancellationToken cancellationToken)
    {
        try
        {
            return await call.ConfigureAwait(false);
        }
        catch (EtcdCompactedException e) when (e.CompactRevision == 0)
        {
            var revision = await CompactRevisionProbe.FindAsync(_invoker, readKey, cancellationToken).ConfigureAwait(false);
            throw new EtcdCompactedException(
                revision == 0 ? e.Message : $"{e.Message} (the store is compacted up to revision {revision})",
                revision, e.ServerMessage, e.Endpoint);
        }
    }
}
