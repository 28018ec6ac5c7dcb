using EtcdNet.Cli.Output;
using EtcdNet.Cli.Tests.Infrastructure;

namespace EtcdNet.Cli.Tests;

[Collection(CliClusterCollection.Name)]
public sealed class LeaseKeepAliveTests(CliCluster cluster)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task KeepAlive_PrintsEachRenewal_UntilTheLeaseIsRevoked()
    {
        var id = await GrantAsync(3);
        var run = Start(["lease", "keep-alive", id], CancellationToken.None);
        await run.Stdout.FirstRenewal.WaitAsync(Limit);

        Assert.Equal(0, (await CliRun.RunAsync(cluster.Endpoint, "lease", "revoke", id)).ExitCode);
        var code = await run.Completion.WaitAsync(Limit);

        Assert.True(code == 0, run.Stderr.ToString());
        var lines = run.Stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length >= 2, run.Stdout.ToString());
        Assert.All(lines[..^1], line => Assert.Equal($"lease {id} keepalived with TTL(3)", line));
        Assert.Equal($"lease {id} expired or revoked.", lines[^1]);
        Assert.Equal(string.Empty, run.Stderr.ToString());
    }

    [Fact]
    public async Task KeepAlive_StopsQuietly_WhenInterrupted_AndTheLeaseLivesOn()
    {
        var id = await GrantAsync(60);
        using var interrupt = new CancellationTokenSource();
        var run = Start(["-w", "json", "lease", "keep-alive", id], interrupt.Token);
        await run.Stdout.FirstRenewal.WaitAsync(Limit);

        await interrupt.CancelAsync();
        Assert.Equal(130, await run.Completion.WaitAsync(Limit));
        Assert.Matches($"^\\{{\"cluster_id\":[0-9]+,\"member_id\":[0-9]+,\"revision\":[0-9]+,\"raft_term\":[0-9]+,\"ID\":{Convert.ToInt64(id, 16)},\"TTL\":60\\}}\n$", run.Stdout.ToString());
        Assert.Equal(string.Empty, run.Stderr.ToString());
        Assert.Matches("remaining\\((59|60)s\\)", (await CliRun.RunAsync(cluster.Endpoint, "lease", "timetolive", id)).Stdout);
    }

    [Fact]
    public async Task KeepAlive_OfAMissingLease_EndsAtOnce_AsEtcdctl()
    {
        var expected = await EtcdctlRun.RunAsync(cluster.Endpoint, ["lease", "keep-alive", "abc123"]);
        var actual = await CliRun.RunAsync(cluster.Endpoint, "lease", "keep-alive", "abc123");
        Golden.AssertSame(expected, actual);
        Assert.Equal("lease 0000000000abc123 expired or revoked.\n", actual.Stdout);
    }

    [Fact]
    public async Task KeepAliveOnce_OfAMissingLease_FailsAsEtcdctl()
        => await MaintenanceTests.AssertSameErrorAsync(cluster.Endpoint, ["lease", "keep-alive", "--once", "abc123"]);

    private async Task<string> GrantAsync(int ttl)
    {
        var result = await CliRun.RunAsync(cluster.Endpoint, "lease", "grant", ttl.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, result.ExitCode);
        return result.Stdout.Split(' ')[1];
    }

    private KeepAliveRun Start(string[] args, CancellationToken cancellationToken)
    {
        var stdout = new RenewalWriter();
        var stderr = new StringWriter { NewLine = "\n" };
        var console = new CliConsole(stdout, stderr, new StringReader(string.Empty), IsTerminal: false);
        var completion = Task.Run(() => CliApp.RunAsync(["--endpoints=" + cluster.Endpoint, .. args], console, _ => null, cancellationToken), CancellationToken.None);
        return new KeepAliveRun(stdout, stderr, completion);
    }

    private sealed record KeepAliveRun(RenewalWriter Stdout, StringWriter Stderr, Task<int> Completion);

    /// <summary>Captured stdout that signals when the first complete renewal line has been written.</summary>
    private sealed class RenewalWriter : StringWriter
    {
        private readonly TaskCompletionSource _firstRenewal = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public RenewalWriter() => NewLine = "\n";

        public Task FirstRenewal => _firstRenewal.Task;

        public override void Write(char value)
        {
            base.Write(value);
            Check();
        }

        public override void Write(string? value)
        {
            base.Write(value);
            Check();
        }

        public override void Write(char[] buffer, int index, int count)
        {
            base.Write(buffer, index, count);
            Check();
        }

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            Check();
        }

        private void Check()
        {
            var text = ToString();
            if (text.EndsWith('\n') && text.Length > 1)
            {
                _firstRenewal.TrySetResult();
            }
        }
    }
}
