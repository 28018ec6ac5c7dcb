using System.Diagnostics;
using System.Globalization;
using System.Net.Security;
using EtcdNet.Testing;

namespace EtcdNet.IntegrationTests;

/// <summary>The client over https:// against real etcd members serving TLS with the launcher's throwaway certificates.</summary>
public sealed class TlsTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Https_PutAndGet_WorkOverTls()
    {
        await using var cluster = await StartClusterAsync(clientCertAuth: false);
        await using var logWriter = new LogsOnDispose(cluster, output);
        var certificates = Assert.IsType<EtcdTestCertificates>(cluster.Certificates);
        await using var client = CreateClient(cluster.ClientUrls, certificates.CreateClientSslOptions());

        await client.PutAsync("tls-key", "tls-value");
        var get = await client.GetAsync("tls-key");

        Assert.Equal("tls-value", Assert.Single(get.Kvs).ValueString);
        var endpoint = new Uri(Assert.Single(cluster.ClientUrls));
        Assert.Equal(Uri.UriSchemeHttps, endpoint.Scheme);
        Assert.Equal(cluster.Members[0].ClientUrl, endpoint.GetLeftPart(UriPartial.Authority));
        Assert.StartsWith("https://", cluster.Members[0].MetricsUrl, StringComparison.Ordinal);
        Assert.Same(cluster.Members[0], await cluster.GetLeaderAsync()); // the launcher's status probe works over https
    }

    [Fact]
    public async Task Https_UntrustedServerCertificate_FailsWithClearError()
    {
        await using var cluster = await StartClusterAsync(clientCertAuth: false);
        await using var logWriter = new LogsOnDispose(cluster, output);
        await using var client = CreateClient(cluster.ClientUrls, tls: null); // the system trust store does not know our CA

        var error = await FailsWithinAsync(Prompt, () => client.GetAsync("k"));

        var unavailable = Assert.IsType<EtcdUnavailableException>(error);
        Assert.Contains("TLS", unavailable.Message, StringComparison.Ordinal);
        Assert.Contains(cluster.ClientUrls[0], unavailable.Message, StringComparison.Ordinal);
        Assert.Equal(cluster.ClientUrls[0], Assert.Single(unavailable.Failures).Endpoint);
    }

    [Fact]
    public async Task Https_ClientCertificateRequired_WorksWithCertAndFailsWithout()
    {
        await using var cluster = await StartClusterAsync(clientCertAuth: true);
        await using var logWriter = new LogsOnDispose(cluster, output);
        var certificates = Assert.IsType<EtcdTestCertificates>(cluster.Certificates);
        await using var withCertificate = CreateClient(cluster.ClientUrls, certificates.CreateClientSslOptions(includeClientCertificate: true));
        await using var withoutCertificate = CreateClient(cluster.ClientUrls, certificates.CreateClientSslOptions());

        await withCertificate.PutAsync("mtls-key", "mtls-value");
        var get = await withCertificate.GetAsync("mtls-key");
        var leader = await cluster.GetLeaderAsync(); // the launcher's status probe presents the client certificate
        var error = await FailsWithinAsync(Prompt, () => withoutCertificate.GetAsync("mtls-key"));

        Assert.Equal("mtls-value", Assert.Single(get.Kvs).ValueString);
        Assert.Same(cluster.Members[0], leader);
        AssertConnectionFailure(error, cluster.ClientUrls[0]);
        Assert.IsType<EtcdUnavailableException>(error);
        Assert.Contains("client certificates", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlainHttpClient_AgainstTlsServer_GivesClearError()
    {
        await using var cluster = await StartClusterAsync(clientCertAuth: false);
        await using var logWriter = new LogsOnDispose(cluster, output);
        var plainUrl = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{cluster.Members[0].ClientPort}");
        await using var client = CreateClient([plainUrl], tls: null);

        var error = await FailsWithinAsync(Prompt, () => client.GetAsync("k"));

        AssertConnectionFailure(error, plainUrl);
        Assert.Contains("use https://", error.Message, StringComparison.Ordinal);
    }

    private static Task<EtcdCluster> StartClusterAsync(bool clientCertAuth) =>
        EtcdCluster.StartAsync(new EtcdClusterOptions { Members = 1, Tls = true, ClientCertAuth = clientCertAuth });

    private static EtcdClient CreateClient(IReadOnlyList<string> endpoints, SslClientAuthenticationOptions? tls) =>
        new(new EtcdClientOptions { Endpoints = endpoints, Tls = tls, DialTimeout = TimeSpan.FromSeconds(2), RequestTimeout = RequestTimeout });

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

    /// <summary>Writes the cluster's recent log lines to the test output; declare it after the cluster so it runs before the cluster is disposed.</summary>
    private sealed class LogsOnDispose(EtcdCluster cluster, ITestOutputHelper output) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            output.WriteLine(cluster.RecentLogs());
            return ValueTask.CompletedTask;
        }
    }
}
