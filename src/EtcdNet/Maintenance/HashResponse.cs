namespace EtcdNet;

/// <summary>The hash of one member's whole backend database (etcd Hash); for tests only, as it covers more than the keys.</summary>
public sealed class HashResponse
{
    internal HashResponse(Protocol.Rpc.HashResponse response)
    {
        Header = ResponseHeader.From(response.Header);
        Hash = response.Hash;
    }

    /// <summary>The response header; <see cref="ResponseHeader.Revision"/> is the store revision hashed.</summary>
    public ResponseHeader Header { get; }

    /// <summary>The CRC-32 of the backend database.</summary>
    public uint Hash { get; }
}
