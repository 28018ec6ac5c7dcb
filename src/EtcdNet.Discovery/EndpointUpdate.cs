namespace EtcdNet.Discovery;

/// <summary>One change to a service's endpoints, as written by <see cref="EndpointManager.UpdateAsync"/> or seen by a watch.</summary>
/// <param name="Kind">Added (registered or changed) or deleted.</param>
/// <param name="Key">The endpoint's full key: the service name, <c>/</c>, then the endpoint's own name.</param>
/// <param name="Endpoint">The endpoint for <see cref="EndpointUpdateKind.Added"/>; <see langword="null"/> for a deletion.</param>
/// <param name="Lease">For an addition written through <see cref="EndpointManager.UpdateAsync"/>: the lease to attach the key to (0: none).</param>
public sealed record EndpointUpdate(EndpointUpdateKind Kind, string Key, ServiceEndpoint? Endpoint = null, long Lease = 0)
{
    /// <summary>An addition of <paramref name="endpoint"/> under <paramref name="key"/>, attached to <paramref name="lease"/> if not 0.</summary>
    /// <param name="key">The endpoint's full key.</param>
    /// <param name="endpoint">The endpoint.</param>
    /// <param name="lease">The lease, or 0.</param>
    /// <returns>The update.</returns>
    public static EndpointUpdate Add(string key, ServiceEndpoint endpoint, long lease = 0) => new(EndpointUpdateKind.Added, key, endpoint, lease);

    /// <summary>A deletion of <paramref name="key"/>.</summary>
    /// <param name="key">The endpoint's full key.</param>
    /// <returns>The update.</returns>
    public static EndpointUpdate Delete(string key) => new(EndpointUpdateKind.Deleted, key);
}
