namespace EtcdNet;

/// <summary>The kind of an <see cref="Op"/>.</summary>
public enum OpKind
{
    /// <summary>A get (etcd Range).</summary>
    Get,
    /// <summary>A put.</summary>
    Put,
    /// <summary>A delete (etcd DeleteRange).</summary>
    Delete,
    /// <summary>A nested transaction.</summary>
    Txn,
}
