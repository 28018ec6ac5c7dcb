using System.Text.RegularExpressions;
using EtcdNet.Cli.Check;
using EtcdNet.Cli.Commands;
using EtcdNet.Cli.Tests.Infrastructure;
using EtcdNet.Testing;

namespace EtcdNet.Cli.Tests;

[Collection(CheckClusterCollection.Name)]
public sealed class CheckTests(CliCluster fixture)
{
    private static async Task<long> CountAsync(string endpoint, string prefix)
    {
        await using var client = new EtcdClient(endpoint);
        return (await client.GetAsync(prefix, new GetOptions { Prefix = true, CountOnly = true })).Count;
    }

    [Theory]
    [InlineData("perf", "/etcdctl-check-perf/", new string[0])]
    [InlineData("datascale", "/etcdctl-check-datascale/", new string[0])]
    [InlineData("perf", "check \"quoted\" prefix/", new[] { "--prefix", "check \"quoted\" prefix/" })]
    [InlineData("datascale", "/tab\there/", new[] { "--prefix=/tab\there/", "--load", "xl" })]
    public async Task NonEmptyPrefix_FailsBeforeWriting_AsEtcdctl(string check, string prefix, string[] flags)
    {
        await using var client = new EtcdClient(fixture.Endpoint);
        await client.PutAsync(prefix + "existing", "v");
        try
        {
            await MaintenanceTests.AssertSameErrorAsync(fixture.Endpoint, ["check", check, .. flags]);
            var result = await CliRun.RunAsync(fixture.Endpoint, ["check", check, .. flags]);
            Assert.Equal(3, result.ExitCode);
            Assert.StartsWith("Error: prefix \"", result.Stderr, StringComparison.Ordinal);
            Assert.Equal(1, await CountAsync(fixture.Endpoint, prefix));
        }
        finally
        {
            await client.DeleteAsync(prefix, new DeleteOptions { Prefix = true });
        }
    }

    [Theory]
    [InlineData("perf", "XL")]
    [InlineData("perf", "huge")]
    [InlineData("datascale", "Medium")]
    [InlineData("datascale", "xlarge")]
    public async Task UnknownLoad_IsRefused_AsEtcdctl(string check, string load)
    {
        await MaintenanceTests.AssertSameErrorAsync(fixture.Endpoint, ["check", check, "--load", load]);
        var result = await CliRun.RunAsync(fixture.Endpoint, "check", check, "--load=" + load);
        Assert.Equal(new CliResult(4, string.Empty, $"Error: unknown load option {load}\n"), result);
    }

    [Fact]
    public async Task EmptyLoad_IsRefused_WithoutEtcdctlsTrailingSpace()
    {
        // etcdctl prints "Error: unknown load option " (with the space); error lines here are trimmed.
        var result = await CliRun.RunAsync(fixture.Endpoint, "check", "datascale", "--load", string.Empty);
        Assert.Equal(new CliResult(4, string.Empty, "Error: unknown load option\n"), result);
    }

    [Fact]
    public async Task Perf_SmallLoad_Passes_AndLeavesThePrefixEmpty()
    {
        // In this test host (not in the etcdnet process) the 50 clients' first requests waited up to a second for the
        // thread pool to grow, failing the slowest-request criterion: start with enough threads.
        ThreadPool.GetMinThreads(out var workers, out var completions);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), completions);
        CliResult result;
        try
        {
            result = await CliRun.RunAsync(fixture.Endpoint, "check", "perf", "--load", "small");
        }
        finally
        {
            ThreadPool.SetMinThreads(workers, completions);
        }

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = Lines(result.Stdout);
        Assert.True(lines.Length == 4, result.ToString());
        var throughput = Regex.Match(lines[0], "^PASS: Throughput is ([0-9]+) writes/s$");
        Assert.True(throughput.Success, result.ToString());
        Assert.InRange(int.Parse(throughput.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 136, 152);
        Assert.Matches("^PASS: Slowest request took 0\\.[0-9]{6}s$", lines[1]);
        Assert.Matches("^PASS: Stddev is 0\\.[0-9]{6}s$", lines[2]);
        Assert.Equal("PASS", lines[3]);
        Assert.Equal(0, await CountAsync(fixture.Endpoint, CheckPerfCommand.DefaultPrefix));
    }

    [Fact]
    public async Task Perf_Interrupted_DeletesWhatItWrote()
    {
        await using var client = new EtcdClient(fixture.Endpoint);
        var before = (await client.GetAsync("any")).Header.Revision;
        using var interrupt = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        var result = await CliRun.RunAsync(["--endpoints=" + fixture.Endpoint, "check", "perf", "--prefix", "/check-interrupted/"], cancellationToken: interrupt.Token);
        Assert.Equal(5, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.EndsWith("Error: context canceled\n", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(fixture.Endpoint, "/check-interrupted/"));
        var after = (await client.GetAsync("any")).Header.Revision;
        Assert.True(after > before + 100, $"revision {before} -> {after}: the run was interrupted before it wrote much");
    }

    [Fact]
    public async Task Datascale_SmallLoad_ReportsMemory_CompactsDefragments_AndCleansUp()
    {
        var result = await CliRun.RunAsync(fixture.Endpoint, "check", "datascale", "--auto-compact", "--auto-defrag");
        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = Lines(result.Stdout);
        Assert.True(lines.Length == 6, result.ToString());
        Assert.Equal("Start data scale check for work load [10000 key-value pairs, 1024 bytes per key-value, 50 concurrent clients].", lines[0]);
        var compacting = Regex.Match(lines[1], "^Compacting with revision ([0-9]+)$");
        Assert.True(compacting.Success, result.ToString());
        var revision = long.Parse(compacting.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"Compacted with revision {revision}", lines[2]);
        Assert.Equal($"Defragmenting \"{fixture.Endpoint}\"", lines[3]);
        Assert.Equal($"Defragmented \"{fixture.Endpoint}\"", lines[4]);
        Assert.Matches("^PASS: Approximate system memory used : -?[0-9]+\\.[0-9]{2} MB\\.$", lines[5]);

        Assert.Equal(0, await CountAsync(fixture.Endpoint, "/etcdctl-check-datascale/"));
        await using var client = new EtcdClient(fixture.Endpoint);
        var header = (await client.GetAsync("any")).Header;
        Assert.Equal(revision, header.Revision); // the delete was the last write, and compaction went up to it
        await Assert.ThrowsAsync<EtcdCompactedException>(() => client.GetAsync("any", new GetOptions { Revision = revision - 1 }));
    }

    [Fact]
    public async Task MemoryProbe_OverTls_UsesTheClientsCaAndCertificate()
    {
        await using var cluster = await EtcdCluster.StartAsync(new EtcdClusterOptions { Tls = true, ClientCertAuth = true });
        var certificates = cluster.Certificates!;
        var url = cluster.ClientUrls[0];
        var tls = EtcdTlsOptions.FromPemFiles(certificates.CaCertificatePath, certificates.ClientCertificatePath, certificates.ClientKeyPath);
        using (var http = MetricsHttp.Create(tls, TimeSpan.FromSeconds(5)))
        {
            var (bytes, problem) = await new ResidentMemoryProbe(http, url, TimeSpan.FromSeconds(5)).ReadAsync(CancellationToken.None);
            Assert.True(bytes > 0, problem);
        }

        // Trusting only the system store, the throwaway CA is not trusted: one "fetch error" line, no exception.
        using (var http = MetricsHttp.Create(new EtcdTlsOptions { ClientCertificate = tls.ClientCertificate }, TimeSpan.FromSeconds(5)))
        {
            var (bytes, problem) = await new ResidentMemoryProbe(http, url, TimeSpan.FromSeconds(5)).ReadAsync(CancellationToken.None);
            Assert.Null(bytes);
            Assert.StartsWith($"fetch error: Get \"{url}/metrics\": ", problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Datascale_MetricsUnreadable_FailsBeforeWriting()
    {
        // A port nothing listens on is the first endpoint, whose memory is read; the client reaches etcd through the second.
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var endpoints = $"--endpoints=http://127.0.0.1:{port},{fixture.Endpoint}";
        var result = await CliRun.RunAsync([endpoints, "--command-timeout=2s", "check", "datascale", "--prefix", "/check-unreadable/"]);
        Assert.True(result.ExitCode == 1, result.ToString());
        var lines = Lines(result.Stdout);
        Assert.True(lines.Length == 2, result.ToString());
        Assert.StartsWith($"fetch error: Get \"http://127.0.0.1:{port}/metrics\": ", lines[0], StringComparison.Ordinal);
        Assert.Equal("FAIL: Could not read process_resident_memory_bytes before the put operations.", lines[1]);
        Assert.Equal(0, await CountAsync(fixture.Endpoint, "/check-unreadable/"));
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
