namespace EtcdNet;

/// <summary>Why a kept-alive lease was declared lost (see <see cref="EtcdLeaseLostException"/>).</summary>
public enum LeaseLostReason
{
    /// <summary>
    /// No renewal succeeded within the lease's TTL (counted from the sending of the last renewal that
    /// succeeded): the cluster could not be reached or did not answer in time, so the lease has expired
    /// on the server, or must be assumed to have.
    /// </summary>
    Expired = 0,

    /// <summary>The server reported the lease gone (TTL 0 in a keep-alive response): it was revoked, it expired, or it never existed.</summary>
    NotFound = 1,

    /// <summary>The client was disposed, which stopped the keep-alive; the lease will expire on the server.</summary>
    ClientDisposed = 2,

    /// <summary>
    /// The cluster refused the keep-alive for a reason no retry can cure (wrong credentials, permission denied, an
    /// RPC the server does not implement); the exception's inner exception says which.
    /// </summary>
    Refused = 3,
}
