using EtcdNet.Protocol.Rpc;

namespace EtcdNet;

/// <summary>
/// One KV operation, built now and run later with <see cref="IKvClient.DoAsync"/> or inside a
/// transaction. Arguments are validated when the operation is built.
/// </summary>
public sealed class Op
{
    private Op(OpKind kind, RequestOp request)
    {
        Kind = kind;
        Request = request;
    }

    /// <summary>What the operation does.</summary>
    public OpKind Kind { get; }

    internal RequestOp Request { get; }

    /// <summary>A get of a key, or of a range with <paramref name="options"/>.</summary>
    /// <param name="key">The key (or the first key of the range).</param>
    /// <param name="options">Range, revision, sort and filter options.</param>
    public static Op Get(EtcdBytes key, GetOptions? options = null)
        => new(OpKind.Get, new RequestOp { RequestRange = OpRequests.Range(key, options) });

    /// <summary>A put of a key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <param name="options">Lease and previous-value options.</param>
    public static Op Put(EtcdBytes key, EtcdBytes value, PutOptions? options = null)
        => new(OpKind.Put, new RequestOp { RequestPut = OpRequests.Put(key, value, options) });

    /// <summary>A delete of a key, or of a range with <paramref name="options"/>.</summary>
    /// <param name="key">The key (or the first key of the range).</param>
    /// <param name="options">Range and previous-value options.</param>
    public static Op Delete(EtcdBytes key, DeleteOptions? options = null)
        => new(OpKind.Delete, new RequestOp { RequestDeleteRange = OpRequests.Delete(key, options) });

    /// <summary>A nested transaction: if every comparison holds, <paramref name="then"/> runs, otherwise <paramref name="else"/>.</summary>
    /// <param name="compares">The conditions.</param>
    /// <param name="then">Operations run when every condition holds.</param>
    /// <param name="else">Operations run otherwise.</param>
    public static Op Txn(IEnumerable<Compare> compares, IEnumerable<Op> then, IEnumerable<Op> @else)
        => new(OpKind.Txn, new RequestOp { RequestTxn = BuildTxn(compares, then, @else) });

    internal static TxnRequest BuildTxn(IEnumerable<Compare> compares, IEnumerable<Op> then, IEnumerable<Op> @else)
    {
        ArgumentNullException.ThrowIfNull(compares);
        ArgumentNullException.ThrowIfNull(then);
        ArgumentNullException.ThrowIfNull(@else);
        var request = new TxnRequest();
        foreach (var compare in compares)
        {
            ArgumentNullException.ThrowIfNull(compare, nameof(compares));
            request.Compare.Add(compare.ToProto());
        }

        foreach (var op in then)
        {
            ArgumentNullException.ThrowIfNull(op, nameof(then));
            request.Success.Add(op.Request);
        }

        foreach (var op in @else)
        {
            ArgumentNullException.ThrowIfNull(op, nameof(@else));
            request.Failure.Add(op.Request);
        }

        return request;
    }
}
