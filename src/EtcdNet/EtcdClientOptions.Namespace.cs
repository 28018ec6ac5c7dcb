namespace EtcdNet;

public sealed partial record EtcdClientOptions
{
    /// <summary>
    /// A key prefix applied to the whole client (the Lua client's <c>key_prefix</c>, Go's namespace):
    /// every key, range, transaction, watch, lock and election name gets it, and every key returned
    /// loses it. Default: null (no namespace). <see cref="EtcdClient.WithNamespace"/> gives a view instead.
    /// </summary>
    public string? Namespace { get; init; }
}
