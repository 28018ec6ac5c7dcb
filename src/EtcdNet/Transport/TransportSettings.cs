using System.Net.Security;

namespace EtcdNet.Transport;

/// <summary>
/// What the transport needs to know: timeouts, size limits, TLS and the user agent. <see cref="Ssl"/> goes to the
/// HTTP handler as it is, except <see cref="SslClientAuthenticationOptions.TargetHost"/>, which the
/// handler would ignore: when set, the transport sends it as each https request's host, so that it is
/// the TLS server name (SNI) and the name the certificate is checked against.
/// </summary>
internal sealed record TransportSettings(
    TimeSpan DialTimeout,
    TimeSpan KeepAliveTime,
    TimeSpan KeepAliveTimeout,
    int MaxSendMessageSize,
    int MaxReceiveMessageSize,
    SslClientAuthenticationOptions? Ssl,
    string UserAgent)
{
    /// <summary>The type calls name in <see cref="ObjectDisposedException"/> once the transport is disposed.</summary>
    public Type Owner { get; init; } = typeof(GrpcTransport);

    /// <summary>Whether calls go through etcd's HTTP/JSON gateway instead of gRPC.</summary>
    public bool UseGateway { get; init; }

    /// <summary>The gateway's API prefix (<c>/v3</c>, <c>/v3beta</c>, <c>/v3alpha</c>); null to ask each endpoint's <c>/version</c>.</summary>
    public string? GatewayPrefix { get; init; }
}
