namespace EtcdNet;

/// <summary>A successful renewal of a lease.</summary>
public sealed class LeaseKeepAliveResponse
{
    internal LeaseKeepAliveResponse(Protocol.Rpc.LeaseKeepAliveResponse response)
    {
        Header = ResponseHeader.From(response.Header);
        Id = response.ID;
        Ttl = TimeSpan.FromSeconds(response.TTL);
    }

    /// <summary>The response header.</summary>
    public ResponseHeader Header { get; }

    /// <summary>The lease ID.</summary>
    public long Id { get; }

    /// <summary>The TTL the lease was renewed with: it now expires on the server this long after the renewal, unless renewed again.</summary>
    public TimeSpan Ttl { get; }
}
