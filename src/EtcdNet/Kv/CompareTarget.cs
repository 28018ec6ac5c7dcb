namespace EtcdNet;

/// <summary>The key field a transaction comparison reads.</summary>
public enum CompareTarget
{
    /// <summary>The key's version (0 when the key does not exist).</summary>
    Version = 0,
    /// <summary>The key's creation revision (0 when the key does not exist).</summary>
    CreateRevision = 1,
    /// <summary>The key's modification revision.</summary>
    ModRevision = 2,
    /// <summary>The key's value.</summary>
    Value = 3,
    /// <summary>The ID of the key's lease (0 for none).</summary>
    Lease = 4,
}
