namespace EtcdNet.Discovery;

/// <summary>
/// The endpoints of one service in etcd, in the layout of etcd's Go naming/endpoints package: each endpoint under
/// <c>&lt;service&gt;/&lt;name&gt;</c> with the JSON value <c>{"Op":0,"Addr":"…","Metadata":…}</c>. A Go
/// <c>endpoints.Manager</c> for the same service name reads what this one writes, and the other way round.
/// Thread-safe; holds no state besides the client and the service name.
/// </summary>
public sealed partial class EndpointManager
{
    private static readonly EtcdBackoff RegistrationBackoff = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2));

    private readonly IEtcdClient _client;

    /// <summary>Creates a manager for <paramref name="service"/>.</summary>
    /// <param name="client">The client (or a namespace view) to use.</param>
    /// <param name="service">The service name, for example <c>catalog</c>; the key prefix is the name followed by <c>/</c>.</param>
    /// <exception cref="ArgumentException">The service name is empty.</exception>
    public EndpointManager(IEtcdClient client, string service)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(service);
        _client = client;
        Service = service;
        Prefix = service + "/";
    }

    /// <summary>The service name.</summary>
    public string Service { get; }

    /// <summary>The prefix of every endpoint key of the service: the name followed by <c>/</c>.</summary>
    public string Prefix { get; }

    /// <summary>The full key of the endpoint named <paramref name="name"/>: <see cref="Prefix"/> then the name.</summary>
    /// <param name="name">The endpoint's own name, for example its address or an instance id; not empty.</param>
    /// <returns>The key.</returns>
    public string KeyOf(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return Prefix + name;
    }

    /// <summary>Registers (or replaces) one endpoint, attached to <paramref name="lease"/> if not 0 (Go's <c>AddEndpoint</c>).</summary>
    /// <param name="key">The endpoint's full key; it must start with <see cref="Prefix"/>.</param>
    /// <param name="endpoint">The endpoint.</param>
    /// <param name="lease">The lease the key lives as long as, or 0.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when etcd has stored it.</returns>
    /// <exception cref="ArgumentException">The key is not under <see cref="Prefix"/>.</exception>
    public Task AddAsync(string key, ServiceEndpoint endpoint, long lease = 0, CancellationToken cancellationToken = default)
        => UpdateAsync([EndpointUpdate.Add(key, endpoint, lease)], cancellationToken);

    /// <summary>Deregisters one endpoint (Go's <c>DeleteEndpoint</c>). Deleting a key that does not exist is not an error.</summary>
    /// <param name="key">The endpoint's full key; it must start with <see cref="Prefix"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when etcd has deleted it.</returns>
    /// <exception cref="ArgumentException">The key is not under <see cref="Prefix"/>.</exception>
    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
        => UpdateAsync([EndpointUpdate.Delete(key)], cancellationToken);

    /// <summary>Applies several additions and deletions in one transaction: all of them happen, or none (Go's <c>Update</c>).</summary>
    /// <param name="updates">The updates; every key must start with <see cref="Prefix"/>, and every addition needs an endpoint.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when etcd has applied them.</returns>
    /// <exception cref="ArgumentException">A key is not under <see cref="Prefix"/>, or an addition has no endpoint.</exception>
    public async Task UpdateAsync(IEnumerable<EndpointUpdate> updates, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var ops = updates.Select(ToOp).ToArray();
        if (ops.Length > 0)
        {
            await _client.Txn().Then(ops).CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The endpoints registered now, by key (Go's <c>List</c>, read linearizably). Values that are not endpoints are left out.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The endpoints by full key.</returns>
    public async Task<IReadOnlyDictionary<string, ServiceEndpoint>> ListAsync(CancellationToken cancellationToken = default)
        => (await LoadAsync(cancellationToken).ConfigureAwait(false)).Endpoints;

    /// <summary>
    /// Registers <paramref name="endpoint"/> under <paramref name="key"/>, attached to a new lease of <paramref name="ttl"/>
    /// that the returned handle keeps alive, and registers it again under a new lease whenever that lease is lost.
    /// Dispose the handle to deregister.
    /// </summary>
    /// <param name="key">The endpoint's full key (see <see cref="KeyOf"/>); it must start with <see cref="Prefix"/>.</param>
    /// <param name="endpoint">The endpoint.</param>
    /// <param name="ttl">The lease TTL: how long the endpoint outlives its process at most. At least 2 s.</param>
    /// <param name="cancellationToken">Cancels the first registration.</param>
    /// <returns>The registration, once etcd has stored the endpoint.</returns>
    /// <exception cref="ArgumentException">The key is not under <see cref="Prefix"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The TTL is shorter than 2 s.</exception>
    public async Task<EndpointRegistration> RegisterAsync(string key, ServiceEndpoint endpoint, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentOutOfRangeException.ThrowIfLessThan(ttl, TimeSpan.FromSeconds(2));
        _ = ToOp(EndpointUpdate.Add(key, endpoint));
        var registration = new EndpointRegistration(this, _client.Lease, key, endpoint, ttl, RegistrationBackoff);
        await registration.StartAsync(cancellationToken).ConfigureAwait(false);
        return registration;
    }

    private Op ToOp(EndpointUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.Key is null || !update.Key.StartsWith(Prefix, StringComparison.Ordinal) || update.Key.Length == Prefix.Length)
        {
            throw new ArgumentException($"An endpoint key of service '{Service}' starts with '{Prefix}' and has a name after it; got '{update.Key ?? "null"}'.", nameof(update));
        }

        return update.Kind switch
        {
            EndpointUpdateKind.Added when update.Endpoint is { } endpoint =>
                Op.Put(update.Key, EndpointValue.Encode(endpoint), update.Lease != 0 ? new PutOptions { Lease = update.Lease } : null),
            EndpointUpdateKind.Added => throw new ArgumentException($"The addition of '{update.Key}' has no endpoint.", nameof(update)),
            EndpointUpdateKind.Deleted => Op.Delete(update.Key),
            _ => throw new ArgumentOutOfRangeException(nameof(update), update.Kind, "Unknown update kind."),
        };
    }

    private async Task<(Dictionary<string, ServiceEndpoint> Endpoints, long Revision)> LoadAsync(CancellationToken cancellationToken)
    {
        var response = await _client.GetAsync(Prefix, new GetOptions { Prefix = true }, cancellationToken).ConfigureAwait(false);
        var endpoints = new Dictionary<string, ServiceEndpoint>(response.Kvs.Count, StringComparer.Ordinal);
        foreach (var kv in response.Kvs)
        {
            if (EndpointValue.TryDecode(kv.Value, out var endpoint))
            {
                endpoints[kv.KeyString] = endpoint!;
            }
        }

        return (endpoints, response.Header.Revision);
    }
}
