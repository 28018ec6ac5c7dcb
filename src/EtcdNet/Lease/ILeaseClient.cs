namespace EtcdNet;

/// <summary>etcd's lease API: leases expire unless kept alive, deleting the keys attached to them.</summary>
public interface ILeaseClient
{
    /// <summary>Grants a lease.</summary>
    /// <param name="ttl">The time to live, in whole seconds (fractions are rounded up); at least 1 s.</param>
    /// <param name="id">The lease ID to use, or 0 (the default) to let the server choose.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<LeaseGrantResponse> GrantAsync(TimeSpan ttl, long id = 0, CancellationToken cancellationToken = default);

    /// <summary>Revokes a lease, deleting every key attached to it.</summary>
    /// <param name="id">The lease ID.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="EtcdLeaseNotFoundException">The lease does not exist.</exception>
    Task<LeaseRevokeResponse> RevokeAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Reads a lease's remaining time and, optionally, its keys.</summary>
    /// <param name="id">The lease ID.</param>
    /// <param name="keys">Also list the keys attached to the lease.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<LeaseTimeToLiveResponse> TimeToLiveAsync(long id, bool keys = false, CancellationToken cancellationToken = default);

    /// <summary>Lists every lease.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<LeaseLeasesResponse> LeasesAsync(CancellationToken cancellationToken = default);
}
