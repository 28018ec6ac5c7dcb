namespace EtcdNet;

/// <summary>
/// A transaction under construction: <c>If(...)</c> conditions, <c>Then(...)</c> operations run when
/// all hold, <c>Else(...)</c> operations otherwise, then <see cref="CommitAsync"/>. Each part may be
/// given once, in that order. Not thread-safe; commit it once.
/// </summary>
public sealed class Txn
{
    private readonly Func<Protocol.Rpc.TxnRequest, Kv.TxnRetry, CancellationToken, Task<TxnResponse>> _commit;
    private readonly List<Compare> _compares = [];
    private readonly List<Op> _then = [];
    private readonly List<Op> _else = [];
    private Stage _stage;
    private Kv.TxnRetry _retry;

    internal Txn(Func<Protocol.Rpc.TxnRequest, Kv.TxnRetry, CancellationToken, Task<TxnResponse>> commit) => _commit = commit;

    private enum Stage { Start, If, Then, Else }

    /// <summary>Adds the conditions; the transaction succeeds when all of them hold.</summary>
    /// <param name="compares">The conditions.</param>
    /// <exception cref="InvalidOperationException">If was already called, or Then/Else came first.</exception>
    public Txn If(params Compare[] compares)
    {
        Advance(Stage.If, "If");
        _compares.AddRange(compares);
        return this;
    }

    /// <summary>Adds the operations run when every condition holds.</summary>
    /// <param name="ops">The operations.</param>
    /// <exception cref="InvalidOperationException">Then was already called, or Else came first.</exception>
    public Txn Then(params Op[] ops)
    {
        Advance(Stage.Then, "Then");
        _then.AddRange(ops);
        return this;
    }

    /// <summary>Adds the operations run when some condition does not hold.</summary>
    /// <param name="ops">The operations.</param>
    /// <exception cref="InvalidOperationException">Else was already called.</exception>
    public Txn Else(params Op[] ops)
    {
        Advance(Stage.Else, "Else");
        _else.AddRange(ops);
        return this;
    }

    /// <summary>Sends the transaction to etcd, which applies it atomically.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<TxnResponse> CommitAsync(CancellationToken cancellationToken = default)
        => _commit(Op.BuildTxn(_compares, _then, _else), _retry, cancellationToken);

    /// <summary>
    /// Declares that applying this transaction twice has the effect of applying it once (it is guarded by a compare
    /// that fails once it applied), so the client repeats it like a read after a failure that may have applied it.
    /// With <paramref name="untilCancelled"/>, it is repeated without attempt limit or deadline of its own, until the
    /// token given to <see cref="CommitAsync"/> is cancelled.
    /// </summary>
    internal Txn Repeatable(bool untilCancelled = false)
    {
        _retry = untilCancelled ? Kv.TxnRetry.UntilCancelled : Kv.TxnRetry.Repeatable;
        return this;
    }

    private void Advance(Stage next, string name)
    {
        if (_stage >= next)
        {
            throw new InvalidOperationException($"{name} cannot be called after {_stage}: build a transaction as If, Then, Else, each once.");
        }

        _stage = next;
    }
}
