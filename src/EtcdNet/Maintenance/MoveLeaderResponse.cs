namespace EtcdNet;

/// <summary>The result of a leadership transfer (etcd MoveLeader).</summary>
public sealed class MoveLeaderResponse
{
    internal MoveLeaderResponse(Protocol.Rpc.MoveLeaderResponse response) => Header = ResponseHeader.From(response.Header);

    /// <summary>The response header (etcd 3.4 sends none: all zero).</summary>
    public ResponseHeader Header { get; }
}
