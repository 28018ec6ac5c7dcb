namespace EtcdNet;

public sealed partial record EtcdClientOptions
{
    private static readonly string[] ApiPrefixes = ["/v3", "/v3beta", "/v3alpha"];

    /// <summary>How the client talks to etcd: gRPC (the default) or etcd's HTTP/JSON gateway.</summary>
    public EtcdProtocol Protocol { get; init; } = EtcdProtocol.Grpc;

    /// <summary>
    /// The JSON gateway's API prefix: <c>/v3</c> (etcd 3.4 and later), <c>/v3beta</c> (3.3) or <c>/v3alpha</c>
    /// (3.2). Default: null, which asks each endpoint's <c>/version</c> once and picks the prefix its version serves.
    /// Used only with <see cref="EtcdProtocol.JsonGateway"/>.
    /// </summary>
    public string? ApiPrefix { get; init; }

    private void CheckProtocol(List<EtcdOptionsProblem> problems)
    {
        if (!Enum.IsDefined(Protocol))
        {
            problems.Add(new EtcdOptionsProblem(nameof(Protocol), $"must be Grpc or JsonGateway (got {Protocol})"));
        }

        if (ApiPrefix is { } prefix && !ApiPrefixes.Contains(prefix, StringComparer.Ordinal))
        {
            problems.Add(new EtcdOptionsProblem(nameof(ApiPrefix), $"must be /v3, /v3beta or /v3alpha, or null to detect it (got '{prefix}')"));
        }
    }
}
