namespace EtcdNet;

/// <summary>A key and its value and metadata, as stored in etcd. Bytes are exposed without copying.</summary>
public sealed class KeyValue
{
    private readonly Protocol.Mvcc.KeyValue _kv;

    internal KeyValue(Protocol.Mvcc.KeyValue kv) => _kv = kv;

    /// <summary>The key.</summary>
    public ReadOnlyMemory<byte> Key => _kv.Key.Memory;

    /// <summary>The value (empty for keys-only reads).</summary>
    public ReadOnlyMemory<byte> Value => _kv.Value.Memory;

    /// <summary>The key decoded as UTF-8.</summary>
    public string KeyString => _kv.Key.ToStringUtf8();

    /// <summary>The value decoded as UTF-8.</summary>
    public string ValueString => _kv.Value.ToStringUtf8();

    /// <summary>The revision of the key's last creation.</summary>
    public long CreateRevision => _kv.CreateRevision;

    /// <summary>The revision of the key's last modification (for a delete event, the revision of the deletion).</summary>
    public long ModRevision => _kv.ModRevision;

    /// <summary>How many times the key was written since its creation (1 = just created; a delete resets it to 0).</summary>
    public long Version => _kv.Version;

    /// <summary>The ID of the lease attached to the key, or 0 for none.</summary>
    public long Lease => _kv.Lease;

    /// <summary>Returns <c>key : value</c> decoded as UTF-8.</summary>
    public override string ToString() => $"{KeyString} : {ValueString}";

    /// <summary>The same key-value as seen inside a namespace: the key without the prefix.</summary>
    internal KeyValue WithoutPrefix(Namespace.KeyPrefix prefix)
    {
        var copy = _kv.Clone();
        prefix.Strip(copy);
        return new KeyValue(copy);
    }

    internal static IReadOnlyList<KeyValue> Wrap(IList<Protocol.Mvcc.KeyValue> kvs)
    {
        if (kvs.Count == 0)
        {
            return [];
        }

        var result = new KeyValue[kvs.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new KeyValue(kvs[i]);
        }

        return result;
    }
}
