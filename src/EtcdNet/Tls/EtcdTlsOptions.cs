using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EtcdNet.Tls;

namespace EtcdNet;

/// <summary>
/// TLS settings for <c>https://</c> endpoints: which certificate authorities to trust, the client
/// certificate for etcd's <c>--client-cert-auth</c>, the server name to verify, and an explicit,
/// insecure opt-out of server verification. Every property is optional: <c>new EtcdTlsOptions()</c>
/// verifies the server against the system trust store and the endpoint's host name, as without TLS
/// options. They do nothing for <c>http://</c> endpoints.
/// </summary>
public sealed record EtcdTlsOptions
{
    /// <summary>
    /// The certificate authorities that may vouch for the server (etcd's <c>--trusted-ca-file</c> on the
    /// client side, <c>etcdctl --cacert</c>). When set, the server's certificate must chain to one of
    /// these and the system trust store is ignored; revocation is not checked. Intermediate CAs the
    /// server sends are used to build the chain. Default: null, the system trust store.
    /// </summary>
    public X509Certificate2Collection? TrustedCertificateAuthorities { get; init; }

    /// <summary>
    /// The client certificate, with its private key, presented when the server asks for one (etcd's
    /// <c>--client-cert-auth</c>; <c>etcdctl --cert --key</c>). With etcd's auth enabled, its common
    /// name is the user name. Default: null, none.
    /// </summary>
    public X509Certificate2? ClientCertificate { get; init; }

    /// <summary>
    /// The name the server's certificate must be valid for, instead of each endpoint's host: for example
    /// <c>"etcd.internal"</c> when connecting to <c>https://10.0.0.5:2379</c>. It is also sent as the TLS
    /// server name (SNI) and as the HTTP/2 <c>:authority</c>. Default: null, each endpoint's own host.
    /// </summary>
    public string? ServerName { get; init; }

    /// <summary>
    /// Accept any server certificate: no trust check, no name check (the Lua client's
    /// <c>ssl_verify = false</c>, <c>etcdctl --insecure-skip-tls-verify</c>). INSECURE: anyone who can
    /// intercept the connection can impersonate etcd and read or change everything the client sends,
    /// credentials included. Traffic is still encrypted and a <see cref="ClientCertificate"/> is still
    /// presented. It overrides <see cref="TrustedCertificateAuthorities"/> and the name check of
    /// <see cref="ServerName"/>. Use it only for throwaway test setups. Default: false.
    /// </summary>
    public bool SkipServerCertificateValidation { get; init; }

    /// <summary>
    /// An escape hatch run last on the <see cref="SslClientAuthenticationOptions"/> built from these
    /// settings, to set what they do not cover (protocol versions, cipher suites, a certificate
    /// selection callback, a custom validation callback). The HTTP handler overrides
    /// <see cref="SslClientAuthenticationOptions.TargetHost"/> and
    /// <see cref="SslClientAuthenticationOptions.ApplicationProtocols"/>; use <see cref="ServerName"/> for
    /// the former. Default: null.
    /// </summary>
    public Action<SslClientAuthenticationOptions>? ConfigureSslOptions { get; init; }

    /// <summary>
    /// Loads the PEM files etcd's tools take (<c>etcdctl --cacert --cert --key</c>): the CA certificates
    /// to trust and, optionally, a client certificate and its unencrypted private key.
    /// </summary>
    /// <param name="caFile">A PEM file with one or more CA certificates, for <see cref="TrustedCertificateAuthorities"/>; null to use the system trust store.</param>
    /// <param name="certFile">A PEM file with the client certificate, for <see cref="ClientCertificate"/>; null for none.</param>
    /// <param name="keyFile">A PEM file with the client certificate's unencrypted private key (PKCS#8, PKCS#1 or SEC1); null when it is in <paramref name="certFile"/>. For an encrypted key, load the certificate with <see cref="X509Certificate2.CreateFromEncryptedPemFile"/> and set <see cref="ClientCertificate"/>.</param>
    /// <returns>The options; other properties can be added with <c>with { ... }</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="keyFile"/> without <paramref name="certFile"/>, a CA file with no certificate, or a key that does not belong to the certificate.</exception>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    /// <exception cref="CryptographicException">A file is not valid PEM (for example an encrypted key).</exception>
    public static EtcdTlsOptions FromPemFiles(string? caFile, string? certFile = null, string? keyFile = null)
    {
        if (keyFile is not null && certFile is null)
        {
            throw new ArgumentException("A key file needs its certificate file.", nameof(certFile));
        }

        return new EtcdTlsOptions
        {
            TrustedCertificateAuthorities = caFile is null ? null : PemCertificates.LoadAuthorities(caFile),
            ClientCertificate = certFile is null ? null : PemCertificates.LoadClientCertificate(certFile, keyFile),
        };
    }

    /// <summary>Adds each setting that can never work to <paramref name="problems"/>, named under <paramref name="prefix"/>.</summary>
    internal void AddProblems(List<EtcdOptionsProblem> problems, string prefix)
    {
        if (TrustedCertificateAuthorities is { Count: 0 })
        {
            problems.Add(new EtcdOptionsProblem($"{prefix}:{nameof(TrustedCertificateAuthorities)}", "is empty: no server could be trusted; leave it null to use the system trust store"));
        }

        if (ClientCertificate is { HasPrivateKey: false })
        {
            problems.Add(new EtcdOptionsProblem($"{prefix}:{nameof(ClientCertificate)}", "has no private key, so it cannot authenticate the client: load it with its key (e.g. EtcdTlsOptions.FromPemFiles(ca, cert, key))"));
        }

        if (ServerName is not null && Uri.CheckHostName(ServerName) is UriHostNameType.Unknown)
        {
            problems.Add(new EtcdOptionsProblem($"{prefix}:{nameof(ServerName)}", $"'{ServerName}' is not a host name or IP address"));
        }
    }

    /// <summary>
    /// The options for <see cref="System.Net.Http.SocketsHttpHandler.SslOptions"/>. <see cref="SslClientAuthenticationOptions.TargetHost"/>
    /// carries <see cref="ServerName"/>; the handler itself ignores it, so the transport sends it as the
    /// request's host, which the handler uses for SNI and the name check.
    /// </summary>
    internal SslClientAuthenticationOptions ToSslOptions()
    {
        var ssl = new SslClientAuthenticationOptions
        {
            TargetHost = ServerName,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        };
        if (SkipServerCertificateValidation)
        {
#pragma warning disable CA5359 // accepting any certificate is what SkipServerCertificateValidation asks for, explicitly and documented as insecure
            ssl.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
#pragma warning restore CA5359
        }
        else
        {
            var customRoots = TrustedCertificateAuthorities is not null;
            ssl.RemoteCertificateValidationCallback = new ServerCertificateValidator(ServerName, customRoots).Validate;
            if (customRoots)
            {
                ssl.CertificateChainPolicy = ServerCertificateValidator.CustomRootPolicy(TrustedCertificateAuthorities!);
            }
        }

        if (ClientCertificate is { } certificate)
        {
            ssl.ClientCertificates = [certificate];
        }

        ConfigureSslOptions?.Invoke(ssl);
        return ssl;
    }
}
