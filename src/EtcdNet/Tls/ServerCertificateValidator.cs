using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EtcdNet.Tls;

/// <summary>
/// The server certificate check of <see cref="EtcdTlsOptions"/>. It accepts what the platform's check
/// accepts, plus <see cref="EtcdTlsOptions.ServerName"/>, and rejects a certificate by throwing an
/// <see cref="AuthenticationException"/> that names the cause (untrusted chain, wrong name): a
/// callback that returns false only yields "rejected by the validation callback". The exception ends
/// the handshake and reaches the caller inside <see cref="EtcdUnavailableException"/>.
/// </summary>
internal sealed class ServerCertificateValidator(string? serverName, bool customRoots)
{
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1", "Server Authentication");

    /// <summary>A chain policy trusting only <paramref name="authorities"/>, without revocation checks, for server certificates.</summary>
    public static X509ChainPolicy CustomRootPolicy(X509Certificate2Collection authorities)
    {
        var policy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck,
            DisableCertificateDownloads = true,
        };
        policy.CustomTrustStore.AddRange(authorities);
        policy.ApplicationPolicy.Add(ServerAuthentication);
        return policy;
    }

    /// <summary>A <see cref="RemoteCertificateValidationCallback"/>.</summary>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
        {
            return false; // "the remote certificate was rejected": there is nothing to describe
        }

        var leaf = certificate as X509Certificate2;
        using var converted = leaf is null ? new X509Certificate2(certificate) : null;
        leaf ??= converted!;
        if ((errors & SslPolicyErrors.RemoteCertificateChainErrors) != 0)
        {
            // With TrustedCertificateAuthorities the platform built the chain with our custom-root policy.
            var trustedBy = customRoots
                ? "it does not chain to a certificate authority in EtcdTlsOptions.TrustedCertificateAuthorities"
                : "it does not chain to a certificate authority in the system trust store (set EtcdTlsOptions.TrustedCertificateAuthorities to the CA that signed it)";
            throw new AuthenticationException($"the server certificate is not trusted: {trustedBy} ({Status(chain)}); certificate {Describe(leaf)}");
        }

        var expected = serverName ?? (sender as SslStream)?.TargetHostName;
        var nameMismatch = expected is null
            ? (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0
            : !leaf.MatchesHostname(expected);
        if (nameMismatch)
        {
            var source = serverName is null
                ? "the endpoint's host; set EtcdTlsOptions.ServerName to verify another name"
                : "EtcdTlsOptions.ServerName";
            throw new AuthenticationException($"the server certificate does not match the name '{expected}' ({source}): certificate {Describe(leaf)}");
        }

        return true;
    }

    private static string Status(X509Chain? chain)
    {
        var flags = X509ChainStatusFlags.NoError;
        if (chain is not null)
        {
            foreach (var status in chain.ChainStatus)
            {
                flags |= status.Status;
            }
        }

        return flags == X509ChainStatusFlags.NoError ? "chain errors" : flags.ToString();
    }

    /// <summary>Subject, names and issuer: what a user needs to see why the certificate does not fit.</summary>
    private static string Describe(X509Certificate2 certificate)
    {
        var names = new List<string>();
        foreach (var extension in certificate.Extensions)
        {
            if (extension is X509SubjectAlternativeNameExtension alternativeNames)
            {
                names.AddRange(alternativeNames.EnumerateDnsNames());
                names.AddRange(alternativeNames.EnumerateIPAddresses().Select(ip => ip.ToString()));
            }
        }

        var valid = names.Count > 0 ? $", valid for {string.Join(", ", names)}" : string.Empty;
        return $"'{certificate.Subject}'{valid}, issued by '{certificate.Issuer}'";
    }
}
