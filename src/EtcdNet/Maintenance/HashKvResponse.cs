namespace EtcdNet;

/// <summary>The hash of one member's key-value history up to a revision (etcd HashKV); equal on members that agree.</summary>
public sealed class HashKvResponse
{
    internal HashKvResponse(Protocol.Rpc.HashKVResponse response)
    {
        Header = ResponseHeader.From(response.Header);
        Hash = response.Hash;
        CompactRevision = response.CompactRevision;
        HashRevision = response.HashRevision;
    }

    /// <summary>The response header; <see cref="ResponseHeader.Revision"/> is the member's current revision.</summary>
    public ResponseHeader Header { get; }

    /// <summary>The hash of the keys' history from the compact revision up to the requested revision.</summary>
    public uint Hash { get; }

    /// <summary>The member's compact revision: the history hashed starts there.</summary>
    public long CompactRevision { get; }

    /// <summary>The revision the hash was computed up to (etcd 3.5 and later; 0 from etcd 3.4).</summary>
    public long HashRevision { get; }
}
