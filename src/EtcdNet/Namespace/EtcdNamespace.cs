using EtcdNet.Kv;

namespace EtcdNet;

/// <summary>
/// A view of an <see cref="EtcdClient"/> confined to a key prefix (from <see cref="EtcdClient.WithNamespace"/>), usable wherever an <see cref="IEtcdClient"/> is:
/// keys, ranges, transactions, watches, locks and elections get the prefix, and every key returned loses it,
/// so the view cannot see or change keys outside its prefix. It shares the client's connections and streams;
/// it needs no disposal and lives as long as the client.
/// </summary>
public sealed class EtcdNamespace : IEtcdClient
{
    private readonly EtcdClient _client;
    private readonly Namespace.KeyPrefix _prefix;

    internal EtcdNamespace(EtcdClient client, Namespace.KeyPrefix prefix)
    {
        _client = client;
        _prefix = prefix;
        Kv = new KvClient(client.Invoker, client.Options.DefaultTtl, prefix);
        Watch = new Namespace.NamespacedWatchClient(client.WatchInternals, prefix);
        Lock = new Namespace.NamespacedLockClient(client.LockInternals, prefix);
        Election = new Namespace.NamespacedElectionClient(client.ElectionInternals, prefix);
    }

    /// <summary>The full prefix of this view.</summary>
    public ReadOnlyMemory<byte> Prefix => _prefix.Value;

    /// <summary>The key-value API inside the namespace.</summary>
    public IKvClient Kv { get; }

    /// <summary>The watch API inside the namespace.</summary>
    public IWatchClient Watch { get; }

    /// <summary>The Lock service inside the namespace.</summary>
    public ILockClient Lock { get; }

    /// <summary>The Election service inside the namespace.</summary>
    public IElectionClient Election { get; }

    /// <summary>The client's lease API: leases are not keys, so the view shares them.</summary>
    public ILeaseClient Lease => _client.Lease;

    /// <summary>The client's cluster membership API.</summary>
    public IClusterClient Cluster => _client.Cluster;

    /// <summary>The client's maintenance API.</summary>
    public IMaintenanceClient Maintenance => _client.Maintenance;

    /// <summary>The client's authentication API.</summary>
    public IAuthClient Auth => _client.Auth;

    /// <summary>The client's endpoints.</summary>
    public IReadOnlyList<string> Endpoints => _client.Endpoints;

    /// <summary>A view nested inside this one: its prefix is this view's prefix followed by <paramref name="prefix"/>.</summary>
    /// <param name="prefix">The inner prefix; must not be empty.</param>
    public EtcdNamespace WithNamespace(EtcdBytes prefix)
        => prefix.IsEmpty ? throw new ArgumentException("A namespace prefix must not be empty.", nameof(prefix)) : new(_client, _prefix.Nest(prefix.Span));

    /// <inheritdoc />
    public Task<PutResponse> PutAsync(EtcdBytes key, EtcdBytes value, PutOptions? options = null, CancellationToken cancellationToken = default)
        => Kv.PutAsync(key, value, options, cancellationToken);

    /// <inheritdoc />
    public Task<GetResponse> GetAsync(EtcdBytes key, GetOptions? options = null, CancellationToken cancellationToken = default)
        => Kv.GetAsync(key, options, cancellationToken);

    /// <inheritdoc />
    public Task<DeleteResponse> DeleteAsync(EtcdBytes key, DeleteOptions? options = null, CancellationToken cancellationToken = default)
        => Kv.DeleteAsync(key, options, cancellationToken);

    /// <inheritdoc />
    public Task<CompactResponse> CompactAsync(long revision, bool physical = false, CancellationToken cancellationToken = default)
        => Kv.CompactAsync(revision, physical, cancellationToken);

    /// <inheritdoc />
    public Task<OpResponse> DoAsync(Op op, CancellationToken cancellationToken = default) => Kv.DoAsync(op, cancellationToken);

    /// <inheritdoc />
    public Txn Txn() => Kv.Txn();

    /// <inheritdoc />
    public IAsyncEnumerable<WatchResponse> WatchAsync(EtcdBytes key, WatchOptions? options = null, CancellationToken cancellationToken = default)
        => Watch.WatchAsync(key, options, cancellationToken);

    /// <inheritdoc />
    public Task RequestProgressAsync(CancellationToken cancellationToken = default) => Watch.RequestProgressAsync(cancellationToken);
}
