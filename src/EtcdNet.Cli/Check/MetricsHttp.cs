using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace EtcdNet.Cli.Check;

/// <summary>
/// An HTTP/1.1 client for a member's <c>/metrics</c>, served next to gRPC on the client port, with the client's TLS
/// settings: the same trusted CAs, client certificate and <c>--insecure-skip-tls-verify</c>.
/// </summary>
internal static class MetricsHttp
{
    /// <summary>A client for <paramref name="tls"/> (null for plain http) that connects within <paramref name="connectTimeout"/>.</summary>
    public static HttpClient Create(EtcdTlsOptions? tls, TimeSpan connectTimeout)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = connectTimeout,
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        if (tls is not null)
        {
            handler.SslOptions = SslOptions(tls);
        }

        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    private static SslClientAuthenticationOptions SslOptions(EtcdTlsOptions tls)
    {
        var ssl = new SslClientAuthenticationOptions { CertificateRevocationCheckMode = X509RevocationMode.NoCheck };
        if (tls.ClientCertificate is { } certificate)
        {
            ssl.ClientCertificates = [certificate];
        }

        if (tls.SkipServerCertificateValidation)
        {
#pragma warning disable CA5359 // --insecure-skip-tls-verify asks for exactly this
            ssl.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
#pragma warning restore CA5359
        }
        else if (tls.TrustedCertificateAuthorities is { } authorities)
        {
            var policy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                RevocationMode = X509RevocationMode.NoCheck,
                DisableCertificateDownloads = true,
            };
            policy.CustomTrustStore.AddRange(authorities);
            ssl.CertificateChainPolicy = policy;
        }

        tls.ConfigureSslOptions?.Invoke(ssl);
        return ssl;
    }
}
