using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace EtcdNet.Testing.Internal;

/// <summary>
/// Creates a cluster's throwaway certificates (ECDSA P-256, SHA-256) with <see cref="CertificateRequest"/>
/// and writes them as PEM (certificates) and unencrypted PKCS#8 PEM (keys), which etcd 3.4 reads.
/// </summary>
internal static class TestCertificateFactory
{
    private const string DirectoryName = "tls";

    /// <summary>Certificates are valid from a day ago (clock skew) for a week: longer than any test run.</summary>
    private static readonly TimeSpan Backdating = TimeSpan.FromDays(1);
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");
    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");

    /// <summary>Creates the CA, server and client certificates in <c>&lt;clusterDirectory&gt;/tls</c>.</summary>
    internal static EtcdTestCertificates Create(string clusterDirectory)
    {
        var directory = Path.Combine(clusterDirectory, DirectoryName);
        Directory.CreateDirectory(directory);
        var notBefore = DateTimeOffset.UtcNow - Backdating;
        var notAfter = notBefore + Lifetime;

        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=EtcdNet.Testing throwaway CA, O=EtcdNet.Testing", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, critical: true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, critical: false));
        using var ca = caRequest.CreateSelfSigned(notBefore, notAfter);

        // The server certificate also allows client authentication: with --client-cert-auth, etcd's
        // own HTTP gateway connects back to the gRPC server presenting this certificate.
        var serverNames = new SubjectAlternativeNameBuilder();
        serverNames.AddIpAddress(IPAddress.Loopback);
        serverNames.AddDnsName("localhost");
        var serverCertificatePath = Path.Combine(directory, "server.crt");
        var serverKeyPath = Path.Combine(directory, "server.key");
        IssueLeaf(ca, "CN=localhost, O=EtcdNet.Testing", [ServerAuthentication, ClientAuthentication], serverNames, notBefore, notAfter, serverCertificatePath, serverKeyPath)
            .Dispose();

        var clientCertificatePath = Path.Combine(directory, "client.crt");
        var clientKeyPath = Path.Combine(directory, "client.key");
        using var clientWithEphemeralKey = IssueLeaf(
            ca, $"CN={EtcdTestCertificates.ClientCommonName}, O=EtcdNet.Testing", [ClientAuthentication], alternativeNames: null, notBefore, notAfter, clientCertificatePath, clientKeyPath);

        // A PKCS#12 round trip gives a certificate whose key SslStream can use on every platform.
        var clientCertificate = X509CertificateLoader.LoadPkcs12(clientWithEphemeralKey.Export(X509ContentType.Pkcs12), password: null);

        var caCertificatePath = Path.Combine(directory, "ca.crt");
        File.WriteAllText(caCertificatePath, ca.ExportCertificatePem());
        var caCertificate = X509CertificateLoader.LoadCertificate(ca.RawData);

        return new EtcdTestCertificates(
            caCertificate, caCertificatePath, clientCertificate, clientCertificatePath, clientKeyPath, serverCertificatePath, serverKeyPath);
    }

    /// <summary>Issues a certificate signed by <paramref name="issuer"/>, writes it and its key, and returns it with its private key.</summary>
    private static X509Certificate2 IssueLeaf(
        X509Certificate2 issuer,
        string subject,
        Oid[] extendedUsages,
        SubjectAlternativeNameBuilder? alternativeNames,
        DateTimeOffset notBefore,
        DateTimeOffset notAfter,
        string certificatePath,
        string keyPath)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        var usages = new OidCollection();
        foreach (var usage in extendedUsages)
        {
            usages.Add(usage);
        }

        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(usages, critical: false));
        if (alternativeNames is not null)
        {
            request.CertificateExtensions.Add(alternativeNames.Build());
        }

        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, includeKeyIdentifier: true, includeIssuerAndSerial: false));

        using var publicOnly = request.Create(issuer, notBefore, notAfter, NewSerialNumber());
        File.WriteAllText(certificatePath, publicOnly.ExportCertificatePem());
        WriteSecret(keyPath, key.ExportPkcs8PrivateKeyPem());
        return publicOnly.CopyWithPrivateKey(key);
    }

    /// <summary>A random positive 128-bit serial number.</summary>
    private static byte[] NewSerialNumber()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        serial[0] |= 0x01; // no leading zero byte, so the DER encoding keeps all 16 bytes
        return serial;
    }

    /// <summary>Writes a private key readable by the owner only (mode 0600 from creation on, outside Windows).</summary>
    private static void WriteSecret(string path, string content)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), options);
        writer.Write(content);
    }
}
