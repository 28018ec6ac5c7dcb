namespace EtcdNet;

/// <summary>A lease that was granted.</summary>
public sealed class LeaseGrantResponse
{
    internal LeaseGrantResponse(Protocol.Rpc.LeaseGrantResponse response)
    {
        Header = ResponseHeader.From(response.Header);
        Id = response.ID;
        Ttl = TimeSpan.FromSeconds(response.TTL);
    }

    /// <summary>The response header.</summary>
    public ResponseHeader Header { get; }

    /// <summary>The lease ID: attach keys to it with <see cref="PutOptions.Lease"/>.</summary>
    public long Id { get; }

    /// <summary>The TTL the server granted (it may raise a very short request to its minimum).</summary>
    public TimeSpan Ttl { get; }
}
