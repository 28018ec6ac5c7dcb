namespace EtcdNet;

/// <summary>The result of a get (etcd Range).</summary>
public sealed class GetResponse
{
    internal GetResponse(Protocol.Rpc.RangeResponse response)
    {
        Header = ResponseHeader.From(response.Header);
        Kvs = KeyValue.Wrap(response.Kvs);
        More = response.More;
        Count = response.Count;
    }

    /// <summary>The response header; <see cref="ResponseHeader.Revision"/> is the revision the read saw.</summary>
    public ResponseHeader Header { get; }

    /// <summary>The matching keys (none for count-only reads).</summary>
    public IReadOnlyList<KeyValue> Kvs { get; }

    /// <summary>True when a limit cut the result short and more keys match.</summary>
    public bool More { get; }

    /// <summary>The number of keys in the requested range (ignoring the limit).</summary>
    public long Count { get; }
}
