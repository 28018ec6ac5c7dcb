namespace EtcdNet;

/// <summary>A lease's remaining time and, on request, its keys.</summary>
public sealed class LeaseTimeToLiveResponse
{
    internal LeaseTimeToLiveResponse(Protocol.Rpc.LeaseTimeToLiveResponse response)
    {
        Header = ResponseHeader.From(response.Header);
        Id = response.ID;
        Ttl = TimeSpan.FromSeconds(response.TTL);
        GrantedTtl = TimeSpan.FromSeconds(response.GrantedTTL);
        Keys = response.Keys.Select(k => k.Memory).ToArray();
    }

    /// <summary>The response header.</summary>
    public ResponseHeader Header { get; }

    /// <summary>The lease ID.</summary>
    public long Id { get; }

    /// <summary>The remaining time; negative when the lease has expired or does not exist (etcd reports -1 s).</summary>
    public TimeSpan Ttl { get; }

    /// <summary>The TTL the lease was granted with.</summary>
    public TimeSpan GrantedTtl { get; }

    /// <summary>The keys attached to the lease, when requested.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Keys { get; }
}
