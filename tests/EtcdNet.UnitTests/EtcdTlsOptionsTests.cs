using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EtcdNet.Transport;

namespace EtcdNet.UnitTests;

public sealed class EtcdTlsOptionsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("etcdnet-tls-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Defaults_VerifyAgainstTheSystemTrustStore()
    {
        var options = new EtcdTlsOptions();

        var ssl = options.ToSslOptions();

        Assert.Null(options.TrustedCertificateAuthorities);
        Assert.Null(options.ClientCertificate);
        Assert.Null(options.ServerName);
        Assert.False(options.SkipServerCertificateValidation);
        Assert.Null(ssl.CertificateChainPolicy);
        Assert.Null(ssl.ClientCertificates);
        Assert.Null(ssl.TargetHost);
        Assert.NotNull(ssl.RemoteCertificateValidationCallback);
        Assert.Equal(X509RevocationMode.NoCheck, ssl.CertificateRevocationCheckMode);
    }

    [Fact]
    public void ToSslOptions_CarriesTheSettings()
    {
        using var ca = TlsTestCertificates.CreateCa("ca");
        using var client = TlsTestCertificates.CreateServer(ca);
        var configured = false;

        var ssl = new EtcdTlsOptions
        {
            TrustedCertificateAuthorities = [TlsTestCertificates.PublicOnly(ca)],
            ClientCertificate = client,
            ServerName = "etcd.internal",
            ConfigureSslOptions = s => configured = s.TargetHost == "etcd.internal",
        }.ToSslOptions();

        Assert.Equal("etcd.internal", ssl.TargetHost);
        Assert.Same(client, Assert.Single(ssl.ClientCertificates!.Cast<X509Certificate>()));
        Assert.Equal(X509ChainTrustMode.CustomRootTrust, ssl.CertificateChainPolicy!.TrustMode);
        Assert.Equal(ca.Thumbprint, Assert.Single(ssl.CertificateChainPolicy.CustomTrustStore).Thumbprint);
        Assert.Equal(X509RevocationMode.NoCheck, ssl.CertificateChainPolicy.RevocationMode);
        Assert.True(configured);
    }

    [Fact]
    public void FindProblems_NamesEachTlsSettingThatCanNeverWork_AndTheConstructorRejectsIt()
    {
        using var ca = TlsTestCertificates.CreateCa("ca");
        static IReadOnlyList<EtcdOptionsProblem> Problems(EtcdTlsOptions tls) => new EtcdClientOptions { Endpoints = ["https://127.0.0.1:2379"], Tls = tls }.FindProblems();

        var empty = Assert.Single(Problems(new EtcdTlsOptions { TrustedCertificateAuthorities = [] }));
        var keyless = Assert.Single(Problems(new EtcdTlsOptions { ClientCertificate = TlsTestCertificates.PublicOnly(ca) }));
        var badName = Assert.Single(Problems(new EtcdTlsOptions { ServerName = "not a host" }));
        var thrown = Assert.Throws<ArgumentException>(() => new EtcdClient(new EtcdClientOptions { Endpoints = ["https://127.0.0.1:2379"], Tls = new EtcdTlsOptions { ServerName = "not a host" } }));

        Assert.Equal("Tls:TrustedCertificateAuthorities", empty.Setting);
        Assert.Contains("is empty", empty.Message, StringComparison.Ordinal);
        Assert.Equal("Tls:ClientCertificate", keyless.Setting);
        Assert.Contains("no private key", keyless.Message, StringComparison.Ordinal);
        Assert.Equal("Tls:ServerName", badName.Setting);
        Assert.Contains("'not a host'", badName.Message, StringComparison.Ordinal);
        Assert.Equal("Tls:ServerName", thrown.ParamName);
        Assert.Empty(Problems(new EtcdTlsOptions { ServerName = "etcd-0.etcd.svc" }));
        Assert.Empty(Problems(new EtcdTlsOptions { ServerName = "10.0.0.5", SkipServerCertificateValidation = true, TrustedCertificateAuthorities = [ca] }));
    }

    [Fact]
    public void FromPemFiles_LoadsTheCaBundleAndTheClientCertificateWithItsKey()
    {
        using var ca1 = TlsTestCertificates.CreateCa("ca one");
        using var ca2 = TlsTestCertificates.CreateCa("ca two");
        using var client = TlsTestCertificates.CreateServer(ca1);
        var caFile = Write("ca.crt", ca1.ExportCertificatePem() + "\n" + ca2.ExportCertificatePem());
        var certFile = Write("client.crt", client.ExportCertificatePem());
        var keyFile = Write("client.key", client.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        var combinedFile = Write("combined.pem", client.ExportCertificatePem() + "\n" + client.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());

        var options = EtcdTlsOptions.FromPemFiles(caFile, certFile, keyFile);
        var combined = EtcdTlsOptions.FromPemFiles(null, combinedFile);
        var caOnly = EtcdTlsOptions.FromPemFiles(caFile);

        Assert.Equal([ca1.Thumbprint, ca2.Thumbprint], options.TrustedCertificateAuthorities!.Select(c => c.Thumbprint));
        Assert.Equal(client.Thumbprint, options.ClientCertificate!.Thumbprint);
        Assert.True(options.ClientCertificate.HasPrivateKey);
        Assert.Null(combined.TrustedCertificateAuthorities);
        Assert.True(combined.ClientCertificate!.HasPrivateKey);
        Assert.Null(caOnly.ClientCertificate);
        Assert.Empty(new EtcdClientOptions { Endpoints = ["https://127.0.0.1:2379"], Tls = options }.FindProblems());
    }

    [Fact]
    public void FromPemFiles_ReportsBadFilesClearly()
    {
        using var ca = TlsTestCertificates.CreateCa("ca");
        using var other = TlsTestCertificates.CreateServer(ca);
        var caFile = Write("ca.crt", ca.ExportCertificatePem());
        var notPem = Write("notes.txt", "hello");
        var wrongKey = Write("wrong.key", other.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        using var client = TlsTestCertificates.CreateServer(ca);
        var certFile = Write("client.crt", client.ExportCertificatePem());

        Assert.Throws<ArgumentException>(() => EtcdTlsOptions.FromPemFiles(caFile, certFile: null, keyFile: caFile));
        Assert.Contains("contains no PEM certificate", Assert.Throws<ArgumentException>(() => EtcdTlsOptions.FromPemFiles(notPem)).Message, StringComparison.Ordinal);
        Assert.ThrowsAny<IOException>(() => EtcdTlsOptions.FromPemFiles(Path.Combine(_directory, "missing.crt")));
        var mismatch = Assert.Throws<ArgumentException>(() => EtcdTlsOptions.FromPemFiles(caFile, certFile, wrongKey));
        var noKey = Assert.ThrowsAny<CryptographicException>(() => EtcdTlsOptions.FromPemFiles(caFile, certFile));
        Assert.Contains("The key in '" + wrongKey + "' does not belong to the certificate in '" + certFile + "'", mismatch.Message, StringComparison.Ordinal);
        Assert.Contains("client.crt", noKey.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TransportSettings_UseTheTlsOptions_OrTheSystemTrustStoreWithClearFailures()
    {
        var none = new EtcdClientOptions().ToTransportSettings("ua");
        var defaults = new EtcdClientOptions();
        var given = (defaults with { Tls = new EtcdTlsOptions { ServerName = "etcd.internal" } }).ToTransportSettings("ua");

        Assert.NotNull(none.Ssl!.RemoteCertificateValidationCallback);
        Assert.Null(none.Ssl.TargetHost);
        Assert.Equal("ua", none.UserAgent);
        Assert.Equal(defaults.DialTimeout, none.DialTimeout);
        Assert.Equal("etcd.internal", given.Ssl!.TargetHost);
    }

    // Until EtcdClientOptions.Tls is typed EtcdTlsOptions? it takes the SslClientAuthenticationOptions the
    // EtcdTlsOptions stand for; overload resolution on the property's type picks the form (delete the first overload then).


    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }
}
