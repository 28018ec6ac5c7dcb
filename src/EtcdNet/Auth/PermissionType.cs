namespace EtcdNet;

/// <summary>What a role's permission over a key range allows.</summary>
public enum PermissionType
{
    /// <summary>Reads (get, watch).</summary>
    Read = 0,
    /// <summary>Writes (put, delete, txn writes).</summary>
    Write = 1,
    /// <summary>Reads and writes.</summary>
    ReadWrite = 2,
}
