namespace EtcdNet;

public sealed partial class EtcdClient
{
    internal Locking.LockClient LockInternals => _lock;

    internal Election.ElectionClient ElectionInternals => _election;

    /// <summary>
    /// A view of this client confined to keys that start with <paramref name="prefix"/> (inside the
    /// client's own <see cref="EtcdClientOptions.Namespace"/>, if it has one). The view shares this
    /// client's connections.
    /// </summary>
    /// <param name="prefix">The key prefix, e.g. <c>/app/</c>; must not be empty.</param>
    /// <exception cref="ArgumentException">The prefix is empty.</exception>
    public EtcdNamespace WithNamespace(EtcdBytes prefix)
    {
        if (prefix.IsEmpty)
        {
            throw new ArgumentException("A namespace prefix must not be empty.", nameof(prefix));
        }

        return new(this, _prefix is null ? new Namespace.KeyPrefix(prefix.Span) : _prefix.Nest(prefix.Span));
    }
}
