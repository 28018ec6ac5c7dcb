namespace EtcdNet.Concurrency;

/// <summary>Key layout shared with etcd's Go concurrency package: an owner's key is its prefix followed by its lease ID in lowercase hex.</summary>
internal static class ConcurrencyKeys
{
    /// <summary>The key an owner holding <paramref name="leaseId"/> creates under <paramref name="prefix"/> (Go: <c>fmt.Sprintf("%s%x", pfx, lease)</c>).</summary>
    public static string OwnerKey(string prefix, long leaseId) => prefix + leaseId.ToString("x", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A name with a trailing slash, as Go's NewMutex and NewElection make it.</summary>
    public static string Prefix(string name) => name.EndsWith('/') ? name : name + "/";
}
