using EtcdNet.Protocol.Rpc;
using EtcdNet.Resilience;

namespace EtcdNet.Kv;

/// <summary>The KV service client: every call is one RPC through the shared invoker.</summary>
internal sealed class KvClient : IKvClient
{
    private readonly RpcInvoker _invoker;

    public KvClient(RpcInvoker invoker) => _invoker = invoker;

    public async Task<EtcdNet.PutResponse> PutAsync(EtcdBytes key, EtcdBytes value, PutOptions? options = null, CancellationToken cancellationToken = default)
        => new(await _invoker.UnaryAsync(KvMethods.Put, OpRequests.Put(key, value, options), cancellationToken).ConfigureAwait(false));

    public async Task<GetResponse> GetAsync(EtcdBytes key, GetOptions? options = null, CancellationToken cancellationToken = default)
        => new(await RangeAsync(OpRequests.Range(key, options), cancellationToken).ConfigureAwait(false));

    public async Task<DeleteResponse> DeleteAsync(EtcdBytes key, DeleteOptions? options = null, CancellationToken cancellationToken = default)
        => new(await _invoker.UnaryAsync(KvMethods.DeleteRange, OpRequests.Delete(key, options), cancellationToken).ConfigureAwait(false));

    public async Task<CompactResponse> CompactAsync(long revision, bool physical = false, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(revision);
        var request = new CompactionRequest { Revision = revision, Physical = physical };
        return new CompactResponse(await WithCompactRevisionAsync(_invoker.UnaryAsync(KvMethods.Compact, request, cancellationToken), cancellationToken).ConfigureAwait(false));
    }

    public async Task<OpResponse> DoAsync(Op op, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(op);
        var request = op.Request;
        return op.Kind switch
        {
            OpKind.Get => OpResponse.FromGet(new GetResponse(await RangeAsync(request.RequestRange, cancellationToken).ConfigureAwait(false))),
            OpKind.Put => OpResponse.FromPut(new EtcdNet.PutResponse(await _invoker.UnaryAsync(KvMethods.Put, request.RequestPut, cancellationToken).ConfigureAwait(false))),
            OpKind.Delete => OpResponse.FromDelete(new DeleteResponse(await _invoker.UnaryAsync(KvMethods.DeleteRange, request.RequestDeleteRange, cancellationToken).ConfigureAwait(false))),
            _ => OpResponse.FromTxn(await CommitAsync(request.RequestTxn, cancellationToken).ConfigureAwait(false)),
        };
    }

    public Txn Txn() => new(CommitAsync);

    private async Task<EtcdNet.TxnResponse> CommitAsync(TxnRequest request, CancellationToken cancellationToken)
        => new(await WithCompactRevisionAsync(_invoker.UnaryAsync(KvMethods.Txn, request, cancellationToken), cancellationToken).ConfigureAwait(false));

    private Task<RangeResponse> RangeAsync(RangeRequest request, CancellationToken cancellationToken)
        => WithCompactRevisionAsync(_invoker.UnaryAsync(KvMethods.Range, request, cancellationToken), cancellationToken);

    /// <summary>etcd's compacted error does not say which revision the store is compacted to; find out before reporting it.</summary>
    private async Task<T> WithCompactRevisionAsync<T>(Task<T> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call.ConfigureAwait(false);
        }
        catch (EtcdCompactedException e) when (e.CompactRevision == 0)
        {
            var revision = await CompactRevisionProbe.FindAsync(_invoker, cancellationToken).ConfigureAwait(false);
            throw new EtcdCompactedException(
                revision == 0 ? e.Message : $"{e.Message} (the store is compacted up to revision {revision})",
                revision, e.ServerMessage, e.Endpoint);
        }
    }
}
