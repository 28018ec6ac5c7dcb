namespace EtcdNet;

public sealed partial record EtcdClientOptions
{
    /// <summary>
    /// How often the client refreshes its endpoints from the cluster's member list (etcd's Go client
    /// <c>AutoSyncInterval</c>): it then uses the client URLs of the started members that are not
    /// learners. A failed refresh keeps the endpoints; one that finds no member changes nothing.
    /// Default: null, off. See <see cref="EtcdClient.SyncEndpointsAsync"/> for a single refresh.
    /// </summary>
    public TimeSpan? AutoSyncInterval { get; init; }
}
