namespace EtcdNet;

/// <summary>The result of a compaction.</summary>
public sealed class CompactResponse
{
    internal CompactResponse(Protocol.Rpc.CompactionResponse response) => Header = ResponseHeader.From(response.Header);

    /// <summary>The response header.</summary>
    public ResponseHeader Header { get; }
}
