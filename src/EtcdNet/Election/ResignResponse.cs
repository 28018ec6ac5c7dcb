namespace EtcdNet;

/// <summary>The result of resigning an election's leadership.</summary>
public sealed class ResignResponse
{
    internal ResignResponse(Protocol.Election.ResignResponse response) => Header = ResponseHeader.From(response.Header);

    /// <summary>The response header.</summary>
    public ResponseHeader Header { get; }
}
