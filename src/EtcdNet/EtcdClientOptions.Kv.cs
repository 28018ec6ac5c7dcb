namespace EtcdNet;

public sealed partial record EtcdClientOptions
{
    /// <summary>
    /// A time to live for every put that names no lease of its own, as the Lua client's <c>ttl</c>
    /// option: such a put grants a new lease with this TTL and attaches the key to it (see
    /// <see cref="PutOptions.Ttl"/>, which a put can use to choose another TTL). It applies to
    /// <see cref="IKvClient.PutAsync"/>, to a put run with <see cref="IKvClient.DoAsync"/>, and to the
    /// convenience puts (<c>PutJsonAsync</c>, <c>PutIfAbsentAsync</c>, <c>PutIfExistsAsync</c>); not to
    /// puts that set <see cref="PutOptions.Lease"/>, <see cref="PutOptions.Ttl"/> or
    /// <see cref="PutOptions.IgnoreLease"/>, nor to puts inside transactions. Whole seconds, at least
    /// 1 s. Default: null, no TTL.
    /// </summary>
    public TimeSpan? DefaultTtl { get; init; }
}
