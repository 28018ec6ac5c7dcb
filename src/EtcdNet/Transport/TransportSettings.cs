using System.Net.Security;

namespace EtcdNet.Transport;

/// <summary>
/// The transport's share of <see cref="EtcdClientOptions"/>, validated. <see cref="Ssl"/> goes to the
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
    /// <summary>The TLS options used when the client options set none: the system trust store, with failures that name their cause.</summary>
    private static readonly EtcdTlsOptions SystemTrust = new();

    /// <summary>The settings of a client with <paramref name="options"/> (validated already).</summary>
    /// <param name="options">The client options.</param>
    /// <param name="userAgent">The user-agent header value.</param>
    public static TransportSettings From(EtcdClientOptions options, string userAgent)
    {
        var ssl = (options.Tls ?? SystemTrust).ToSslOptions();
        return new TransportSettings(
            options.DialTimeout, options.KeepAliveTime, options.KeepAliveTimeout,
            options.MaxSendMessageSize, options.MaxReceiveMessageSize, ssl, userAgent);
    }
}
