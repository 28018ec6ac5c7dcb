using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using EtcdNet.IntegrationTests.Infrastructure;

namespace EtcdNet.IntegrationTests;

/// <summary>
/// etcd listening on a unix domain socket (<c>--listen-client-urls unix://localhost:2379</c>, which etcd creates as
/// the file <c>localhost:2379</c> in its working directory), reached with a <c>unix://</c> endpoint over each path.
/// </summary>
public class UnixSocketTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("etcdnet-unix-").FullName;
    private Process? _etcd;
    private EtcdTlsOptions? _tls;

    /// <summary>Whether etcd serves TLS on its socket (<c>unixs://</c>); a derived class says yes.</summary>
    protected virtual bool Tls => false;

    private string Scheme => Tls ? "unixs" : "unix";

    protected string Endpoint => $"{Scheme}://" + Path.Combine(_directory, "localhost:2379");

    public async Task InitializeAsync()
    {
        var peer = FreePort();
        var start = new ProcessStartInfo("etcd")
        {
            WorkingDirectory = _directory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var argument in new[]
        {
            "--name", "unix", "--data-dir", Path.Combine(_directory, "data"),
            "--listen-client-urls", $"{Scheme}://localhost:2379", "--advertise-client-urls", $"{Scheme}://localhost:2379",
            "--listen-peer-urls", $"http://127.0.0.1:{peer}", "--initial-advertise-peer-urls", $"http://127.0.0.1:{peer}",
            "--initial-cluster", $"unix=http://127.0.0.1:{peer}",
        })
        {
            start.ArgumentList.Add(argument);
        }

        if (Tls)
        {
            var certificates = EtcdNet.Testing.EtcdTestCertificates.Create(_directory); // the server certificate names localhost
            start.ArgumentList.Add($"--cert-file={certificates.ServerCertificatePath}");
            start.ArgumentList.Add($"--key-file={certificates.ServerKeyPath}");
            _tls = EtcdTlsOptions.FromPemFiles(certificates.CaCertificatePath);
        }

        _etcd = Process.Start(start)!;
        _etcd.BeginErrorReadLine();
        _etcd.BeginOutputReadLine();
        await using var probe = new EtcdClient(new EtcdClientOptions { Endpoints = [Endpoint], DialTimeout = TimeSpan.FromSeconds(1), Tls = _tls });
        await Eventually.TrueAsync(
            async () =>
            {
                try
                {
                    await probe.GetAsync("ready");
                    return true;
                }
                catch (EtcdException)
                {
                    return false;
                }
            },
            TimeSpan.FromSeconds(20),
            "etcd answers on its unix socket");
    }

    public async Task DisposeAsync()
    {
        if (_etcd is { HasExited: false })
        {
            _etcd.Kill();
            await _etcd.WaitForExitAsync();
        }

        _etcd?.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    public static TheoryData<EtcdProtocol, bool> Paths => TransportHooksTests.Paths;

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task A_unix_endpoint_reaches_etcd_on_its_socket(EtcdProtocol protocol, bool throughHandler)
    {
        await using var client = new EtcdClient(new EtcdClientOptions
        {
            Endpoints = [Endpoint],
            Protocol = protocol,
            ConfigureHttpHandler = throughHandler ? inner => inner : null,
            Tls = _tls,
        });
        await using var watch = await WatchRecorder.StartAsync(client.Watch, "u/", new WatchOptions { Prefix = true });

        var put = await client.PutAsync("u/key", "over a unix socket");

        Assert.Equal("over a unix socket", (await client.GetAsync("u/key")).Kvs.Single().ValueString);
        Assert.Equal(put.Header.Revision, Assert.Single((await watch.NextAsync()).Events).Kv.ModRevision);
        output.WriteLine($"{protocol}{(throughHandler ? " through a handler" : "")}: revision {put.Header.Revision} on {Endpoint}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The same over <c>unixs://</c>: etcd serves TLS on its socket, and the client checks the certificate for localhost.</summary>
public sealed class UnixSocketTlsTests(ITestOutputHelper output) : UnixSocketTests(output)
{
    protected override bool Tls => true;

    [Fact]
    public async Task A_client_that_does_not_trust_the_socket_s_certificate_is_refused_with_a_typed_error()
    {
        await using var client = new EtcdClient(new EtcdClientOptions { Endpoints = [Endpoint], DialTimeout = TimeSpan.FromSeconds(2) });

        var error = await Assert.ThrowsAsync<EtcdUnavailableException>(() => client.GetAsync("u/key"));

        Assert.Contains("the server certificate is not trusted", error.Message, StringComparison.Ordinal);
    }
}
