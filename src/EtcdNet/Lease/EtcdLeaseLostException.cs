using System.Globalization;

namespace EtcdNet;

/// <summary>
/// A lease that was being kept alive (<see cref="ILeaseClient.KeepAliveAsync(long, CancellationToken)"/>) is lost: it expired
/// without a successful renewal, the server reported it gone, or the client was disposed.
/// <see cref="Reason"/> says which. Keys attached to the lease are (or soon will be) deleted; grant a new
/// lease to go on. Never transient: renewing a lost lease cannot succeed.
/// </summary>
public sealed class EtcdLeaseLostException : EtcdException
{
    /// <summary>Creates the exception with a message describing <paramref name="reason"/>.</summary>
    /// <param name="leaseId">The lease ID.</param>
    /// <param name="reason">Why the lease is lost.</param>
    /// <param name="endpoint">The endpoint that reported the lease gone, if any.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public EtcdLeaseLostException(long leaseId, LeaseLostReason reason, string? endpoint = null, Exception? innerException = null)
        : base(Describe(leaseId, reason, endpoint), StatusFor(reason), serverMessage: null, endpoint, innerException)
    {
        LeaseId = leaseId;
        Reason = reason;
    }

    /// <summary>The ID of the lost lease.</summary>
    public long LeaseId { get; }

    /// <summary>Why the lease is lost.</summary>
    public LeaseLostReason Reason { get; }

    /// <inheritdoc />
    public override bool IsTransient => false;

    private static GrpcStatusCode StatusFor(LeaseLostReason reason) => reason switch
    {
        LeaseLostReason.NotFound => GrpcStatusCode.NotFound,
        LeaseLostReason.ClientDisposed => GrpcStatusCode.Cancelled,
        _ => GrpcStatusCode.DeadlineExceeded,
    };

    private static string Describe(long leaseId, LeaseLostReason reason, string? endpoint) => reason switch
    {
        LeaseLostReason.NotFound => string.Create(CultureInfo.InvariantCulture,
            $"Lease {leaseId:x} is lost: the server{(endpoint is null ? "" : " (" + endpoint + ")")} reported it gone (revoked, expired, or never granted)."),
        LeaseLostReason.ClientDisposed => string.Create(CultureInfo.InvariantCulture,
            $"Lease {leaseId:x} is no longer kept alive: the etcd client was disposed. It will expire on the server."),
        _ => string.Create(CultureInfo.InvariantCulture,
            $"Lease {leaseId:x} is lost: it expired without a successful renewal within its TTL (the cluster did not answer in time)."),
    };
}
