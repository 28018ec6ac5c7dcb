namespace EtcdNet;

/// <summary>Every lease the cluster holds.</summary>
public sealed class LeaseLeasesResponse
{
    internal LeaseLeasesResponse(Protocol.Rpc.LeaseLeasesResponse response)
    {
        Header = ResponseHeader.From(response.Header);
        Leases = response.Leases.Select(l => l.ID).ToArray();
    }

    /// <summary>The response header.</summary>
    public ResponseHeader Header { get; }

    /// <summary>The IDs of the leases.</summary>
    public IReadOnlyList<long> Leases { get; }
}
