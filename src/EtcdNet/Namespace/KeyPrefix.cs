using EtcdNet.Protocol.Rpc;
using Google.Protobuf;
using Mvcc = EtcdNet.Protocol.Mvcc;

namespace EtcdNet.Namespace;

/// <summary>
/// The key rewriting of a namespace: every key and range sent to etcd gets the prefix, and every
/// key coming back loses it (without copying). A range to the end of the keyspace ("\0") becomes
/// the end of the namespace, so a view never reaches keys outside its prefix.
/// </summary>
internal sealed class KeyPrefix
{
    private readonly byte[] _prefix;

    public KeyPrefix(ReadOnlySpan<byte> prefix)
    {
        if (prefix.IsEmpty)
        {
            throw new ArgumentException("A namespace prefix must not be empty.", nameof(prefix));
        }

        _prefix = prefix.ToArray();
    }

    public ReadOnlyMemory<byte> Value => _prefix;

    /// <summary>A namespace inside this one.</summary>
    public KeyPrefix Nest(ReadOnlySpan<byte> inner) => new([.. _prefix, .. inner]);

    public ByteString Add(ByteString key) => UnsafeByteOperations.UnsafeWrap(Concat(key.Span));

    /// <summary>Prefixes a [key, end) pair in etcd's encoding (empty end: one key; "\0": to the end of the keyspace).</summary>
    public (ByteString Key, ByteString End) AddRange(ByteString key, ByteString end)
    {
        var prefixedKey = Add(key);
        if (end.IsEmpty)
        {
            return (prefixedKey, end);
        }

        if (end.Length == 1 && end[0] == 0)
        {
            return (prefixedKey, KeyRange.PrefixEnd(_prefix)); // the end of the keyspace is the end of the namespace
        }

        return (prefixedKey, Add(end));
    }

    public void Apply(RangeRequest request) => (request.Key, request.RangeEnd) = AddRange(request.Key, request.RangeEnd);

    public void Apply(PutRequest request) => request.Key = Add(request.Key);

    public void Apply(DeleteRangeRequest request) => (request.Key, request.RangeEnd) = AddRange(request.Key, request.RangeEnd);

    public void Apply(WatchCreateRequest request) => (request.Key, request.RangeEnd) = AddRange(request.Key, request.RangeEnd);

    public void Apply(TxnRequest request)
    {
        foreach (var compare in request.Compare)
        {
            (compare.Key, compare.RangeEnd) = AddRange(compare.Key, compare.RangeEnd);
        }

        foreach (var op in request.Success.Concat(request.Failure))
        {
            Apply(op);
        }
    }

    public void Apply(RequestOp op)
    {
        switch (op.RequestCase)
        {
            case RequestOp.RequestOneofCase.RequestRange: Apply(op.RequestRange); break;
            case RequestOp.RequestOneofCase.RequestPut: Apply(op.RequestPut); break;
            case RequestOp.RequestOneofCase.RequestDeleteRange: Apply(op.RequestDeleteRange); break;
            case RequestOp.RequestOneofCase.RequestTxn: Apply(op.RequestTxn); break;
        }
    }

    public void Strip(Mvcc.KeyValue? kv)
    {
        if (kv is not null && kv.Key.Span.StartsWith(_prefix))
        {
            kv.Key = UnsafeByteOperations.UnsafeWrap(kv.Key.Memory[_prefix.Length..]);
        }
    }

    public void Strip(Mvcc.Event e)
    {
        Strip(e.Kv);
        Strip(e.PrevKv);
    }

    public void Strip(RangeResponse response)
    {
        foreach (var kv in response.Kvs)
        {
            Strip(kv);
        }
    }

    public void Strip(Protocol.Rpc.PutResponse response) => Strip(response.PrevKv);

    public void Strip(DeleteRangeResponse response)
    {
        foreach (var kv in response.PrevKvs)
        {
            Strip(kv);
        }
    }

    public void Strip(Protocol.Rpc.TxnResponse response)
    {
        foreach (var op in response.Responses)
        {
            switch (op.ResponseCase)
            {
                case ResponseOp.ResponseOneofCase.ResponseRange: Strip(op.ResponseRange); break;
                case ResponseOp.ResponseOneofCase.ResponsePut: Strip(op.ResponsePut); break;
                case ResponseOp.ResponseOneofCase.ResponseDeleteRange: Strip(op.ResponseDeleteRange); break;
                case ResponseOp.ResponseOneofCase.ResponseTxn: Strip(op.ResponseTxn); break;
            }
        }
    }

    private byte[] Concat(ReadOnlySpan<byte> key)
    {
        var result = new byte[_prefix.Length + key.Length];
        _prefix.CopyTo(result, 0);
        key.CopyTo(result.AsSpan(_prefix.Length));
        return result;
    }
}
