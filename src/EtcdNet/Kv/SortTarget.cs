namespace EtcdNet;

/// <summary>The field a get sorts its results by.</summary>
public enum SortTarget
{
    /// <summary>Sort by key (etcd's natural order).</summary>
    Key = 0,
    /// <summary>Sort by version.</summary>
    Version = 1,
    /// <summary>Sort by creation revision.</summary>
    CreateRevision = 2,
    /// <summary>Sort by modification revision.</summary>
    ModRevision = 3,
    /// <summary>Sort by value (byte-wise).</summary>
    Value = 4,
}
