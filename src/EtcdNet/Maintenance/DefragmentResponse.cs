namespace EtcdNet;

/// <summary>The result of defragmenting one member (etcd Defragment).</summary>
public sealed class DefragmentResponse
{
    internal DefragmentResponse(Protocol.Rpc.DefragmentResponse response) => Header = ResponseHeader.From(response.Header);

    /// <summary>The response header.</summary>
    public ResponseHeader Header { get; }
}
