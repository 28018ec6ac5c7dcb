namespace EtcdNet;

/// <summary>The order a get returns its results in.</summary>
public enum SortOrder
{
    /// <summary>No sorting requested (etcd returns keys in ascending key order).</summary>
    None = 0,
    /// <summary>Ascending.</summary>
    Ascend = 1,
    /// <summary>Descending.</summary>
    Descend = 2,
}
