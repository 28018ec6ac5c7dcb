namespace EtcdNet.Discovery;

/// <summary>What happened to an endpoint key (Go's <c>endpoints.Operation</c>).</summary>
public enum EndpointUpdateKind
{
    /// <summary>The endpoint was registered, or its address or metadata changed.</summary>
    Added = 0,

    /// <summary>The endpoint was deregistered, or its lease ended.</summary>
    Deleted = 1,
}
