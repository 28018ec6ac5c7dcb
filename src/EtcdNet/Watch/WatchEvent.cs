namespace EtcdNet;

/// <summary>One change to one key.</summary>
public sealed class WatchEvent
{
    internal WatchEvent(Protocol.Mvcc.Event e)
    {
        Type = (WatchEventType)e.Type;
        Kv = new KeyValue(e.Kv);
        PrevKv = e.PrevKv is null ? null : new KeyValue(e.PrevKv);
    }

    /// <summary>Put or delete.</summary>
    public WatchEventType Type { get; }

    /// <summary>The key-value after a put; for a delete, the key with the revision of the deletion.</summary>
    public KeyValue Kv { get; }

    /// <summary>The key-value before the event, when <see cref="WatchOptions.PrevKv"/> was set and history still had it.</summary>
    public KeyValue? PrevKv { get; }

    /// <summary>True for a put that created the key.</summary>
    public bool IsCreate => Type == WatchEventType.Put && Kv.Version == 1;

    /// <summary>True for a put that changed an existing key.</summary>
    public bool IsModify => Type == WatchEventType.Put && Kv.Version > 1;

    /// <inheritdoc />
    public override string ToString() => $"{Type} {Kv}";
}
