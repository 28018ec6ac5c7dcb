using System.Diagnostics;
using System.Globalization;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EtcdNet.IntegrationTests.Infrastructure;
using EtcdNet.Testing;

namespace EtcdNet.IntegrationTests;

/// <summary>
/// The client over https:// with <see cref="EtcdTlsOptions"/> against real etcd members serving TLS
/// with the launcher's throwaway certificates (server certificate for IP 127.0.0.1 and DNS localhost).
/// </summary>
public sealed class TlsTests(TlsTests.Clusters clusters, ITestOutputHelper output) : IClassFixture<TlsTests.Clusters>, IDisposable
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    private readonly long _tlsMark = clusters.Tls.LogMark;
    private readonly long _mtlsMark = clusters.Mtls.LogMark;

    private EtcdTestCertificates Certificates => clusters.Tls.Certificates!;

    public void Dispose()
    {
        output.WriteLine(clusters.Tls.LogsSince(_tlsMark));
        output.WriteLine(clusters.Mtls.LogsSince(_mtlsMark));
    }

    [Fact]
    public async Task TrustingTheClusterCa_FromPemFile_PutGetAndWatchWork()
    {
        var tls = EtcdTlsOptions.FromPemFiles(Certificates.CaCertificatePath);
        await using var client = CreateClient(clusters.Tls.ClientUrls, tls);

        await using var watch = await WatchRecorder.StartAsync(client, "tls-key");
        await client.PutAsync("tls-key", "tls-value");
        var get = await client.GetAsync("tls-key");

        Assert.Equal("tls-value", Assert.Single(get.Kvs).ValueString);
        Assert.Equal("tls-value", Assert.Single(await watch.EventsAsync(1)).Kv.ValueString);
        Assert.Equal(Uri.UriSchemeHttps, new Uri(clusters.Tls.ClientUrls[0]).Scheme);
    }

    [Fact]
    public async Task Grpc_through_an_http_proxy_tunnels_to_the_tls_cluster_with_connect()
    {
        await using var proxy = new ForwardProxy();
        var tls = EtcdTlsOptions.FromPemFiles(Certificates.CaCertificatePath);
        await using var client = new EtcdClient(new EtcdClientOptions
        {
            Endpoints = clusters.Tls.ClientUrls, Tls = tls, Proxy = new System.Net.WebProxy(proxy.Url), RequestTimeout = RequestTimeout,
        });

        await using var watch = await WatchRecorder.StartAsync(client, "tls-proxied");
        await client.PutAsync("tls-proxied", "through a tunnel");

        Assert.Equal("through a tunnel", Assert.Single((await client.GetAsync("tls-proxied")).Kvs).ValueString);
        Assert.Equal("through a tunnel", Assert.Single(await watch.EventsAsync(1)).Kv.ValueString);
        var etcd = new Uri(clusters.Tls.ClientUrls[0]);
        Assert.Contains($"CONNECT {etcd.Authority} HTTP/1.1", proxy.RequestLines);
        Assert.DoesNotContain("tls-proxied", proxy.Forwarded, StringComparison.Ordinal); // the tunnel carries only TLS records
    }

    [Fact]
    public async Task SystemTrustStore_UntrustedServer_FailsPromptlyNamingTheCause()
    {
        await using var client = CreateClient(clusters.Tls.ClientUrls, tls: null); // the system trust store does not know our CA

        var error = await FailsWithinAsync(Prompt, () => client.GetAsync("k"));

        var unavailable = Assert.IsType<EtcdUnavailableException>(error);
        Assert.Contains("the server certificate is not trusted", unavailable.Message, StringComparison.Ordinal);
        Assert.Contains("system trust store", unavailable.Message, StringComparison.Ordinal);
        Assert.Contains(clusters.Tls.ClientUrls[0], unavailable.Message, StringComparison.Ordinal);
        Assert.Equal(clusters.Tls.ClientUrls[0], Assert.Single(unavailable.Failures).Endpoint);
    }

    [Fact]
    public async Task WrongCa_FailsPromptlyNamingTheUntrustedCertificate()
    {
        using var otherCa = CreateThrowawayCa();
        await using var client = CreateClient(clusters.Tls.ClientUrls, new EtcdTlsOptions { TrustedCertificateAuthorities = [otherCa] });

        var error = await FailsWithinAsync(Prompt, () => client.PutAsync("k", "v"));

        var unavailable = Assert.IsType<EtcdUnavailableException>(error);
        Assert.Contains("the server certificate is not trusted: it does not chain to a certificate authority in EtcdTlsOptions.TrustedCertificateAuthorities", unavailable.Message, StringComparison.Ordinal);
        Assert.Contains("EtcdNet.Testing throwaway CA", unavailable.Message, StringComparison.Ordinal); // the certificate's issuer
        Assert.Equal(GrpcStatusCode.Unavailable, unavailable.StatusCode);
    }

    [Fact]
    public async Task ClientCertificateRequired_WorksWithCertificateFromPemFiles_FailsPromptlyWithout()
    {
        var mtls = clusters.Mtls.Certificates!;
        await using var withCertificate = CreateClient(clusters.Mtls.ClientUrls, EtcdTlsOptions.FromPemFiles(mtls.CaCertificatePath, mtls.ClientCertificatePath, mtls.ClientKeyPath));
        await using var withoutCertificate = CreateClient(clusters.Mtls.ClientUrls, new EtcdTlsOptions { TrustedCertificateAuthorities = [mtls.CaCertificate] });

        await withCertificate.PutAsync("mtls-key", "mtls-value");
        var get = await withCertificate.GetAsync("mtls-key");
        var error = await FailsWithinAsync(Prompt, () => withoutCertificate.GetAsync("mtls-key"));

        Assert.Equal("mtls-value", Assert.Single(get.Kvs).ValueString);
        AssertConnectionFailure(error, clusters.Mtls.ClientUrls[0]);
        Assert.IsType<EtcdUnavailableException>(error);
        Assert.Contains("client certificate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerNameMismatch_FailsPromptlyNamingTheName()
    {
        var tls = new EtcdTlsOptions { TrustedCertificateAuthorities = [Certificates.CaCertificate], ServerName = "wrong.example" };
        await using var client = CreateClient(clusters.Tls.ClientUrls, tls);

        var error = await FailsWithinAsync(Prompt, () => client.GetAsync("k"));

        var unavailable = Assert.IsType<EtcdUnavailableException>(error);
        Assert.Contains("the server certificate does not match the name 'wrong.example' (EtcdTlsOptions.ServerName)", unavailable.Message, StringComparison.Ordinal);
        Assert.Contains("valid for localhost, 127.0.0.1", unavailable.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerNameLocalhost_WorksAgainstTheIpEndpoint_ForUnaryAndStreamingCalls()
    {
        var endpoint = Assert.Single(clusters.Tls.ClientUrls);
        Assert.StartsWith("https://127.0.0.1:", endpoint, StringComparison.Ordinal);
        var tls = new EtcdTlsOptions { TrustedCertificateAuthorities = [Certificates.CaCertificate], ServerName = "localhost" };
        await using var client = CreateClient([endpoint], tls);

        await using var watch = await WatchRecorder.StartAsync(client, "sni-key");
        await client.PutAsync("sni-key", "v");

        Assert.Equal("v", Assert.Single((await client.GetAsync("sni-key")).Kvs).ValueString);
        Assert.Equal("v", Assert.Single(await watch.EventsAsync(1)).Kv.ValueString);
    }

    [Fact]
    public async Task SkipServerCertificateValidation_WorksWithAnUntrustedServer()
    {
        using var otherCa = CreateThrowawayCa();
        await using var nothingTrusted = CreateClient(clusters.Tls.ClientUrls, new EtcdTlsOptions { SkipServerCertificateValidation = true });
        await using var wrongCaAndName = CreateClient(clusters.Tls.ClientUrls, new EtcdTlsOptions
        {
            SkipServerCertificateValidation = true,
            TrustedCertificateAuthorities = [otherCa],
            ServerName = "wrong.example",
        });

        await nothingTrusted.PutAsync("insecure-key", "v");

        Assert.Equal("v", Assert.Single((await wrongCaAndName.GetAsync("insecure-key")).Kvs).ValueString);
    }

    [Fact]
    public async Task PlainHttpClient_AgainstTlsServer_GivesClearError()
    {
        var plainUrl = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{clusters.Tls.Members[0].ClientPort}");
        await using var client = CreateClient([plainUrl], tls: null);

        var error = await FailsWithinAsync(Prompt, () => client.GetAsync("k"));

        AssertConnectionFailure(error, plainUrl);
        Assert.Contains("use https://", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLaunchersStatusProbe_WorksOverTlsAndMtls()
    {
        Assert.StartsWith("https://", clusters.Tls.Members[0].MetricsUrl, StringComparison.Ordinal);
        Assert.Same(clusters.Tls.Members[0], await clusters.Tls.GetLeaderAsync());
        Assert.Same(clusters.Mtls.Members[0], await clusters.Mtls.GetLeaderAsync()); // presents the client certificate
    }

    private static EtcdClient CreateClient(IReadOnlyList<string> endpoints, EtcdTlsOptions? tls)
    {
        var options = new EtcdClientOptions { Endpoints = endpoints, DialTimeout = TimeSpan.FromSeconds(2), RequestTimeout = RequestTimeout };
        return new(options with { Tls = tls ?? options.Tls });
    }

    /// <summary>A self-signed CA that signed nothing the cluster uses.</summary>
    private static X509Certificate2 CreateThrowawayCa()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Some other CA, O=EtcdNet tests", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        using var withKey = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadCertificate(withKey.RawData);
    }

    /// <summary>
    /// The client's typed "cannot talk to this endpoint" failure: depending on how the connection
    /// breaks it is an <see cref="EtcdProtocolException"/> or an <see cref="EtcdUnavailableException"/>,
    /// never the request timeout.
    /// </summary>
    private static void AssertConnectionFailure(Exception error, string endpoint)
    {
        var etcdError = Assert.IsAssignableFrom<EtcdException>(error);
        Assert.True(etcdError is EtcdProtocolException or EtcdUnavailableException, $"unexpected {etcdError.GetType().Name}");
        Assert.Equal(GrpcStatusCode.Unavailable, etcdError.StatusCode);
        Assert.Contains(endpoint, etcdError.Message, StringComparison.Ordinal);
    }

    /// <summary>Runs a call that must fail; returns its exception after checking it came within <paramref name="limit"/>.</summary>
    private async Task<Exception> FailsWithinAsync(TimeSpan limit, Func<Task> call)
    {
        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAnyAsync<Exception>(call);
        watch.Stop();
        output.WriteLine($"after {watch.Elapsed.TotalMilliseconds:0} ms: {error.GetType().FullName}: {error.Message}");
        for (var inner = error.InnerException; inner is not null; inner = inner.InnerException)
        {
            output.WriteLine($"  inner {inner.GetType().FullName}: {inner.Message}");
        }

        Assert.True(watch.Elapsed < limit, $"took {watch.Elapsed}");
        return error;
    }

    /// <summary>Two single-member TLS clusters shared by the tests: one plain TLS, one requiring client certificates.</summary>
    public sealed class Clusters : IAsyncLifetime
    {
        public EtcdCluster Tls { get; private set; } = null!;

        public EtcdCluster Mtls { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var tls = EtcdCluster.StartAsync(new EtcdClusterOptions { Tls = true });
            var mtls = EtcdCluster.StartAsync(new EtcdClusterOptions { Tls = true, ClientCertAuth = true });
            try
            {
                Tls = await tls;
            }
            finally
            {
                Mtls = await mtls;
            }
        }

        public async Task DisposeAsync()
        {
            if (Tls is not null)
            {
                await Tls.DisposeAsync();
            }

            if (Mtls is not null)
            {
                await Mtls.DisposeAsync();
            }
        }
    }
}
