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

    /// <summary>The result of <paramref name="read"/> under <paramref name="header"/> (a read inside a transaction answers under the transaction's).</summary>
    internal GetResponse(ResponseHeader header, GetResponse read)
    {
        Header = header;
        Kvs = read.Kvs;
        More = read.More;
        Count = read.Count;
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
