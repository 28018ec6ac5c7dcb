namespace EtcdNet;

/// <summary>
/// What sessions, locks, elections, transactions, recipes, configuration and health checks need from a client:
/// the etcd services and the everyday key-value and watch calls. <see cref="EtcdClient"/> implements it, and so does
/// the view from <see cref="WithNamespace"/> (<see cref="EtcdNamespace"/>), so anything built on this interface
/// works inside a key prefix unchanged: its keys get the prefix, and keys it reads lose it.
/// </summary>
public interface IEtcdClient : IKvClient, IWatchClient
{
    /// <summary>The key-value API.</summary>
    IKvClient Kv { get; }

    /// <summary>The watch API.</summary>
    IWatchClient Watch { get; }

    /// <summary>The lease API (leases are cluster-wide: a namespace view shares its client's).</summary>
    ILeaseClient Lease { get; }

    /// <summary>The Lock service.</summary>
    ILockClient Lock { get; }

    /// <summary>The Election service.</summary>
    IElectionClient Election { get; }

    /// <summary>The cluster membership API.</summary>
    IClusterClient Cluster { get; }

    /// <summary>The maintenance API.</summary>
    IMaintenanceClient Maintenance { get; }

    /// <summary>The authentication API.</summary>
    IAuthClient Auth { get; }

    /// <summary>The endpoints calls currently go to.</summary>
    IReadOnlyList<string> Endpoints { get; }

    /// <summary>A view confined to keys that start with <paramref name="prefix"/> (inside this one's prefix, if any), sharing the connections.</summary>
    /// <param name="prefix">The key prefix, e.g. <c>/app/</c>; must not be empty.</param>
    /// <returns>The view.</returns>
    /// <exception cref="ArgumentException">The prefix is empty.</exception>
    EtcdNamespace WithNamespace(EtcdBytes prefix);
}
