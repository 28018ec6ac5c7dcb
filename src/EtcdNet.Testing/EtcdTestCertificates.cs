using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EtcdNet.Testing;

/// <summary>
/// The throwaway certificates of a cluster started with <see cref="EtcdClusterOptions.Tls"/>: a
/// self-signed CA, the server certificate every member uses (signed by the CA, valid for IP
/// <c>127.0.0.1</c> and DNS <c>localhost</c>) and a client certificate signed by the same CA. The
/// PEM files live in the cluster directory and are deleted with it.
/// </summary>
/// <remarks>
/// For an EtcdNet client, build its <c>EtcdTlsOptions</c> from these:
/// <c>new EtcdTlsOptions { TrustedCertificateAuthorities = [certificates.CaCertificate], ClientCertificate = certificates.ClientCertificate }</c>,
/// or from the files as etcdctl takes them:
/// <c>EtcdTlsOptions.FromPemFiles(certificates.CaCertificatePath, certificates.ClientCertificatePath, certificates.ClientKeyPath)</c>.
/// <see cref="CreateClientSslOptions"/> gives the same trust as raw <see cref="SslClientAuthenticationOptions"/>,
/// for other HTTP clients (the launcher's own status probe uses it).
/// </remarks>
public sealed class EtcdTestCertificates
{
    /// <summary>The common name of <see cref="ClientCertificate"/>; etcd takes it as the user name when auth is enabled.</summary>
    public const string ClientCommonName = "etcdnet-test-client";

    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");

    internal EtcdTestCertificates(
        X509Certificate2 caCertificate,
        string caCertificatePath,
        X509Certificate2 clientCertificate,
        string clientCertificatePath,
        string clientKeyPath,
        string serverCertificatePath,
        string serverKeyPath)
    {
        CaCertificate = caCertificate;
        CaCertificatePath = caCertificatePath;
        ClientCertificate = clientCertificate;
        ClientCertificatePath = clientCertificatePath;
        ClientKeyPath = clientKeyPath;
        ServerCertificatePath = serverCertificatePath;
        ServerKeyPath = serverKeyPath;
    }

    /// <summary>
    /// Creates a new set of throwaway certificates (a CA, a server certificate for 127.0.0.1 and localhost, a client
    /// certificate) in <c>&lt;directory&gt;/tls</c>, for a server a test starts itself, for example an etcd with flags
    /// the launcher does not set. <see cref="EtcdCluster"/> makes its own with <see cref="EtcdClusterOptions.Tls"/>.
    /// </summary>
    /// <param name="directory">An existing directory; the caller deletes it.</param>
    /// <returns>The certificates and the paths of their PEM files.</returns>
    public static EtcdTestCertificates Create(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The directory '{directory}' does not exist.");
        }

        return Internal.TestCertificateFactory.Create(directory);
    }

    /// <summary>The CA certificate (public part only); it signed the server and the client certificate.</summary>
    public X509Certificate2 CaCertificate { get; }

    /// <summary>Path of the CA certificate as PEM (what etcd's <c>--trusted-ca-file</c> and <c>etcdctl --cacert</c> take).</summary>
    public string CaCertificatePath { get; }

    /// <summary>
    /// The client certificate with its private key, usable for TLS client authentication (for example as
    /// <c>EtcdTlsOptions.ClientCertificate</c>). Its common name is <see cref="ClientCommonName"/>.
    /// </summary>
    public X509Certificate2 ClientCertificate { get; }

    /// <summary>Path of the client certificate as PEM.</summary>
    public string ClientCertificatePath { get; }

    /// <summary>Path of the client certificate's private key as unencrypted PKCS#8 PEM.</summary>
    public string ClientKeyPath { get; }

    /// <summary>Path of the server certificate as PEM (etcd's <c>--cert-file</c>).</summary>
    public string ServerCertificatePath { get; }

    /// <summary>Path of the server key as unencrypted PKCS#8 PEM (etcd's <c>--key-file</c>).</summary>
    public string ServerKeyPath { get; }

    /// <summary>
    /// Raw TLS settings for an HTTP client of the cluster (for EtcdNet, prefer <c>EtcdTlsOptions</c>, see
    /// the remarks of this class): the server certificate is accepted only when it chains to
    /// <see cref="CaCertificate"/> (the system trust store is ignored, revocation is not checked) and
    /// matches the host name. Each call returns a new instance.
    /// </summary>
    /// <param name="includeClientCertificate">True to present <see cref="ClientCertificate"/> (needed with <see cref="EtcdClusterOptions.ClientCertAuth"/>).</param>
    /// <returns>The options, for example for <c>SocketsHttpHandler.SslOptions</c>.</returns>
    public SslClientAuthenticationOptions CreateClientSslOptions(bool includeClientCertificate = false)
    {
        var options = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = ValidateServerCertificate,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        };
        if (includeClientCertificate)
        {
            options.ClientCertificates = [ClientCertificate];
        }

        return options;
    }

    private bool ValidateServerCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        // Chain errors are expected (the system does not trust our CA) and checked below; a missing
        // certificate or a name mismatch is not acceptable.
        if (certificate is null
            || (errors & (SslPolicyErrors.RemoteCertificateNotAvailable | SslPolicyErrors.RemoteCertificateNameMismatch)) != 0)
        {
            return false;
        }

        using var ownChain = new X509Chain();
        ownChain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        ownChain.ChainPolicy.CustomTrustStore.Add(CaCertificate);
        ownChain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        ownChain.ChainPolicy.ApplicationPolicy.Add(ServerAuthentication);
        if (certificate is X509Certificate2 presented)
        {
            return ownChain.Build(presented);
        }

        using var converted = new X509Certificate2(certificate);
        return ownChain.Build(converted);
    }
}
