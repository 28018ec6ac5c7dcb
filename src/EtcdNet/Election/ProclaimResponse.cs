namespace EtcdNet;

/// <summary>The result of proclaiming a new value as an election's leader.</summary>
public sealed class ProclaimResponse
{
    internal ProclaimResponse(Protocol.Election.ProclaimResponse response) => Header = ResponseHeader.From(response.Header);

    /// <summary>The response header; <see cref="ResponseHeader.Revision"/> is the proclamation's revision.</summary>
    public ResponseHeader Header { get; }
}
