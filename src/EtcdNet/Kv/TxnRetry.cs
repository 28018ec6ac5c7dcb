namespace EtcdNet.Kv;

/// <summary>How a transaction is repeated after a failure.</summary>
internal enum TxnRetry
{
    /// <summary>As a write: only when it certainly never left the client.</summary>
    AsWrite,
    /// <summary>As a read: its caller knows that applying it twice changes nothing.</summary>
    Repeatable,
    /// <summary>As a read, with no attempt limit and no deadline of its own: until the caller's token is cancelled.</summary>
    UntilCancelled,
}
