namespace EtcdNet;

/// <summary>Replaces a source prefix with a destination prefix at the start of keys; keeps keys when no destination prefix is given.</summary>
internal readonly struct KeyRename(EtcdBytes prefix, EtcdBytes? destinationPrefix)
{
    public EtcdBytes Apply(ReadOnlyMemory<byte> key)
    {
        if (destinationPrefix is not { } destination || !key.Span.StartsWith(prefix.Span))
        {
            return key;
        }

        var renamed = new byte[destination.Span.Length + key.Length - prefix.Span.Length];
        destination.Span.CopyTo(renamed);
        key.Span[prefix.Span.Length..].CopyTo(renamed.AsSpan(destination.Span.Length));
        return renamed;
    }
}
