namespace EtcdNet;

/// <summary>The result of revoking a lease.</summary>
public sealed class LeaseRevokeResponse
{
    internal LeaseRevokeResponse(Protocol.Rpc.LeaseRevokeResponse response) => Header = ResponseHeader.From(response.Header);

    /// <summary>The response header.</summary>
    public ResponseHeader Header { get; }
}
