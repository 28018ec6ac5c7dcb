using EtcdNet.Protocol.Lock;
using EtcdNet.Resilience;

namespace EtcdNet.Locking;

/// <summary>The Lock service client. Lock waits by design: it runs without the client's request timeout.</summary>
internal sealed class LockClient : ILockClient
{
    private readonly RpcInvoker _invoker;

    public LockClient(RpcInvoker invoker) => _invoker = invoker;

    public async Task<EtcdNet.LockResponse> LockAsync(EtcdBytes name, long leaseId, CancellationToken cancellationToken = default)
    {
        if (name.IsEmpty)
        {
            throw new ArgumentException("A lock name is required.", nameof(name));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(leaseId);
        var request = new LockRequest { Name = name.ToByteString(), Lease = leaseId };
        var response = await _invoker.UnaryAsync(LockMethods.Lock, request, Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        return new EtcdNet.LockResponse(response);
    }

    public async Task<EtcdNet.UnlockResponse> UnlockAsync(EtcdBytes key, CancellationToken cancellationToken = default)
    {
        if (key.IsEmpty)
        {
            throw new ArgumentException("The lock's ownership key is required.", nameof(key));
        }

        var response = await _invoker.UnaryAsync(LockMethods.Unlock, new UnlockRequest { Key = key.ToByteString() }, cancellationToken).ConfigureAwait(false);
        return new EtcdNet.UnlockResponse(response);
    }
}
