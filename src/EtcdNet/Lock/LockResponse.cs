namespace EtcdNet;

/// <summary>The result of acquiring a lock: the ownership key, which exists for as long as the lock is held.</summary>
public sealed class LockResponse
{
    private readonly Google.Protobuf.ByteString _key;

    internal LockResponse(Protocol.Lock.LockResponse response)
    {
        Header = ResponseHeader.From(response.Header);
        _key = response.Key;
    }

    private LockResponse(ResponseHeader header, Google.Protobuf.ByteString key)
    {
        Header = header;
        _key = key;
    }

    /// <summary>The same response as seen inside a namespace: the key without the prefix.</summary>
    internal LockResponse WithoutPrefix(int prefixLength)
        => new(Header, Google.Protobuf.UnsafeByteOperations.UnsafeWrap(_key.Memory[prefixLength..]));

    /// <summary>The response header.</summary>
    public ResponseHeader Header { get; }

    /// <summary>
    /// The ownership key (<c>{name}/{lease ID in hex}</c>). Pass it to <see cref="ILockClient.UnlockAsync"/>
    /// to release the lock; do not write to it. Its create revision is a fencing token (see <see cref="ILockClient"/>).
    /// </summary>
    public ReadOnlyMemory<byte> Key => _key.Memory;

    /// <summary>The ownership key decoded as UTF-8.</summary>
    public string KeyString => _key.ToStringUtf8();
}
