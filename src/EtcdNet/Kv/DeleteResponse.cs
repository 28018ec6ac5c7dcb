namespace EtcdNet;

/// <summary>The result of a delete (etcd DeleteRange).</summary>
public sealed class DeleteResponse
{
    internal DeleteResponse(Protocol.Rpc.DeleteRangeResponse response)
    {
        Header = ResponseHeader.From(response.Header);
        Deleted = response.Deleted;
        PrevKvs = KeyValue.Wrap(response.PrevKvs);
    }

    /// <summary>The response header.</summary>
    public ResponseHeader Header { get; }

    /// <summary>The number of keys deleted.</summary>
    public long Deleted { get; }

    /// <summary>The deleted key-values, when <see cref="DeleteOptions.PrevKv"/> was set.</summary>
    public IReadOnlyList<KeyValue> PrevKvs { get; }
}
