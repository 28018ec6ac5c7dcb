namespace EtcdNet.Election;

/// <summary>
/// Where an observation stands: the last delivered proclamation, as the leadership key's create revision
/// (which leadership) and mod revision (which proclamation). Later leaderships have larger create
/// revisions, so (create, mod) orders every proclamation of an election.
/// </summary>
internal readonly record struct ObservePosition(long CreateRevision, long ModRevision)
{
    /// <summary>True once something was delivered.</summary>
    public bool HasValue => CreateRevision > 0;

    /// <summary>True when <paramref name="kv"/> comes after this position (always, before the first delivery).</summary>
    public bool IsBefore(Protocol.Mvcc.KeyValue kv)
        => kv.CreateRevision > CreateRevision || (kv.CreateRevision == CreateRevision && kv.ModRevision > ModRevision);

    public static ObservePosition Of(Protocol.Mvcc.KeyValue kv) => new(kv.CreateRevision, kv.ModRevision);
}
