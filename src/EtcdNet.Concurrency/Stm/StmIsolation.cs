namespace EtcdNet.Concurrency;

/// <summary>
/// How strongly <see cref="Stm.RunAsync"/> isolates a transaction from concurrent writers; the levels of
/// etcd's Go <c>concurrency.STM</c>.
/// </summary>
public enum StmIsolation
{
    /// <summary>
    /// The default and strongest level. Every read sees one snapshot (the revision of the first read), the
    /// commit requires every read key to be unchanged and every written key not to have been modified after
    /// that snapshot. Serializable, and also safe against write skew on keys written without being read.
    /// </summary>
    SerializableSnapshot = 0,

    /// <summary>
    /// Every read sees one snapshot (the revision of the first read) and the commit requires every read key
    /// to be unchanged. Serializable for transactions whose written keys are also read.
    /// </summary>
    Serializable = 1,

    /// <summary>
    /// Reads are taken from the latest revision (serializable, local-member reads) and cached, so repeated
    /// reads agree; the commit requires every read key to be unchanged. Lost updates are prevented, but the
    /// reads need not come from one snapshot.
    /// </summary>
    RepeatableReads = 2,

    /// <summary>
    /// Reads are taken from the latest revision and cached; the commit has no conditions at all, so it never
    /// conflicts and never retries. Concurrent read-modify-write transactions can lose updates: this level
    /// does <b>not</b> preserve invariants such as a constant sum across keys.
    /// </summary>
    ReadCommitted = 3,
}
