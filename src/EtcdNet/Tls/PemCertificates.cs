using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EtcdNet.Tls;

/// <summary>Loads the PEM files of <see cref="EtcdTlsOptions.FromPemFiles"/>.</summary>
internal static class PemCertificates
{
    public static X509Certificate2Collection LoadAuthorities(string caFile)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(caFile);
        var authorities = new X509Certificate2Collection();
        try
        {
            authorities.ImportFromPemFile(caFile);
        }
        catch (CryptographicException e)
        {
            throw new CryptographicException($"Cannot read the CA certificates in '{caFile}': {e.Message}", e);
        }

        return authorities.Count > 0
            ? authorities
            : throw new ArgumentException($"'{caFile}' contains no PEM certificate (-----BEGIN CERTIFICATE-----).", nameof(caFile));
    }

    public static X509Certificate2 LoadClientCertificate(string certFile, string? keyFile)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(certFile);
        try
        {
            using var loaded = X509Certificate2.CreateFromPemFile(certFile, keyFile);
            // A PKCS#12 round trip gives a certificate whose key SslStream can use on every platform
            // (Windows refuses the ephemeral key of a certificate made from PEM).
            return X509CertificateLoader.LoadPkcs12(loaded.Export(X509ContentType.Pkcs12), password: null);
        }
        catch (CryptographicException e)
        {
            throw new CryptographicException($"Cannot load the client certificate '{certFile}' with the key in '{keyFile ?? certFile}': {e.Message}", e);
        }
        catch (ArgumentException e) when (e is not ArgumentNullException)
        {
            throw new ArgumentException($"The key in '{keyFile ?? certFile}' does not belong to the certificate in '{certFile}': {e.Message}", nameof(keyFile), e);
        }
    }
}
