using EtcdNet.Protocol.Rpc;

namespace EtcdNet.Kv;

/// <summary>
/// The four RPCs that carry keys. Inside a namespace each request is copied (the caller may reuse
/// its <see cref="Op"/>), prefixed, sent, and each key in the response loses the prefix.
/// </summary>
internal sealed partial class KvClient
{
    private readonly Namespace.KeyPrefix? _prefix;

    private async Task<Protocol.Rpc.PutResponse> PutCoreAsync(PutRequest request, CancellationToken cancellationToken)
    {
        if (_prefix is null)
        {
            return await _invoker.UnaryAsync(KvMethods.Put, request, cancellationToken).ConfigureAwait(false);
        }

        request = request.Clone();
        _prefix.Apply(request);
        var response = await _invoker.UnaryAsync(KvMethods.Put, request, cancellationToken).ConfigureAwait(false);
        _prefix.Strip(response);
        return response;
    }

    private async Task<RangeResponse> RangeAsync(RangeRequest request, CancellationToken cancellationToken)
    {
        if (_prefix is not null)
        {
            request = request.Clone();
            _prefix.Apply(request);
        }

        var response = await WithCompactRevisionAsync(_invoker.UnaryAsync(KvMethods.Range, request, cancellationToken), request.Key, cancellationToken).ConfigureAwait(false);
        _prefix?.Strip(response);
        return response;
    }

    private async Task<DeleteRangeResponse> DeleteCoreAsync(DeleteRangeRequest request, CancellationToken cancellationToken)
    {
        if (_prefix is not null)
        {
            request = request.Clone();
            _prefix.Apply(request);
        }

        var response = await _invoker.UnaryAsync(KvMethods.DeleteRange, request, cancellationToken).ConfigureAwait(false);
        _prefix?.Strip(response);
        return response;
    }

    private async Task<Protocol.Rpc.TxnResponse> TxnCoreAsync(TxnRequest request, TxnRetry retry, CancellationToken cancellationToken)
    {
        if (_prefix is not null)
        {
            request = request.Clone();
            _prefix.Apply(request);
        }

        var readKey = request.Success.Concat(request.Failure).FirstOrDefault(op => op.RequestRange is not null)?.RequestRange.Key;
        var call = retry switch
        {
            TxnRetry.AsWrite => _invoker.UnaryAsync(KvMethods.Txn, request, cancellationToken),
            TxnRetry.Repeatable => _invoker.UnaryAsync(KvMethods.RepeatableTxn, request, cancellationToken),
            _ => _invoker.UnaryUntilCancelledAsync(KvMethods.RepeatableTxn, request, cancellationToken),
        };
        var response = await WithCompactRevisionAsync(call, readKey, cancellationToken).ConfigureAwait(false);
        _prefix?.Strip(response);
        return response;
    }
}
