namespace EtcdNet.Concurrency;

/// <summary>One buffered write: a put when <paramref name="Value"/> is set, a delete otherwise.</summary>
/// <param name="Value">The value to put; null for a delete.</param>
/// <param name="Lease">The lease of a put, 0 for none.</param>
internal sealed record StmWrite(EtcdBytes? Value, long Lease)
{
    /// <summary>The operation that performs this write on <paramref name="key"/>.</summary>
    public Op ToOp(string key) => Value is { } value
        ? Op.Put(key, value, Lease != 0 ? new PutOptions { Lease = Lease } : null)
        : Op.Delete(key);
}
