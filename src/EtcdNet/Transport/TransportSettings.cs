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

    /// <summary>Headers sent with every request, as they are.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>Wraps the HTTP handler with the user's (the outermost handler is what it returns); null for none.</summary>
    public Func<HttpMessageHandler, HttpMessageHandler>? WrapHandler { get; init; }

    /// <summary>The HTTP proxy to go through (null: the system's when <see cref="UseProxy"/>).</summary>
    public System.Net.IWebProxy? Proxy { get; init; }

    /// <summary>Whether requests go through an HTTP proxy at all.</summary>
    public bool UseProxy { get; init; }

    /// <summary>Whether calls need the HTTP handler pipeline (a user's handler or a proxy), which the client's own HTTP/2 connections bypass.</summary>
    public bool NeedsHttpHandler => WrapHandler is not null || UseProxy;

    /// <summary>Whether calls go through etcd's HTTP/JSON gateway instead of gRPC.</summary>
    public bool UseGateway { get; init; }

    /// <summary>The gateway's API prefix (<c>/v3</c>, <c>/v3beta</c>, <c>/v3alpha</c>); null to ask each endpoint's <c>/version</c>.</summary>
    public string? GatewayPrefix { get; init; }
}
