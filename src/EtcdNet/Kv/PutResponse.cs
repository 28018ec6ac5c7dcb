namespace EtcdNet;

/// <summary>The result of a put.</summary>
public sealed class PutResponse
{
    internal PutResponse(Protocol.Rpc.PutResponse response)
    {
        Header = ResponseHeader.From(response.Header);
        PrevKv = response.PrevKv is null ? null : new KeyValue(response.PrevKv);
    }

    /// <summary>The response header; <see cref="ResponseHeader.Revision"/> is the revision of this write.</summary>
    public ResponseHeader Header { get; }

    /// <summary>The key-value before the put, when <see cref="PutOptions.PrevKv"/> was set and the key existed.</summary>
    public KeyValue? PrevKv { get; }
}
