using EtcdNet.Cli.Tests.Infrastructure;
using EtcdNet.Testing;

namespace EtcdNet.Cli.Tests;

[Collection(CliClusterCollection.Name)]
public sealed class LockTests(CliCluster cluster)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task EtcdctlHolds_EtcdnetWaits_AndAcquiresAfterEtcdctlIsTerminated()
    {
        var name = "cli/lock/" + Guid.NewGuid().ToString("N");
        await using var etcdctl = EtcdctlProcess.Start(cluster.Endpoint, "lock", name);
        var heldByEtcdctl = await etcdctl.NextLineAsync(Wait);
        Assert.StartsWith(name + "/", heldByEtcdctl, StringComparison.Ordinal);

        await using var etcdnet = LockBackgroundCli.Start(cluster.Endpoint, "lock", name);
        await WaitForContendersAsync(name, 2);
        Assert.Null(await etcdnet.NextLineAsync(TimeSpan.FromMilliseconds(500)));

        Assert.Equal(0, await etcdctl.TerminateAsync());
        var heldByEtcdnet = await etcdnet.NextLineAsync(Wait);
        Assert.StartsWith(name + "/", heldByEtcdnet, StringComparison.Ordinal);
        Assert.NotEqual(heldByEtcdctl, heldByEtcdnet);
        Assert.Equal(string.Empty, await etcdnet.NextLineAsync(Wait));

        Assert.Equal(0, await etcdnet.InterruptAsync());
        await WaitForContendersAsync(name, 0);
    }

    [Fact]
    public async Task EtcdnetHolds_EtcdctlWaits_AndAcquiresAfterEtcdnetIsInterrupted()
    {
        var name = "cli/lock/" + Guid.NewGuid().ToString("N");
        await using var etcdnet = LockBackgroundCli.Start(cluster.Endpoint, "lock", name);
        var heldByEtcdnet = await etcdnet.NextLineAsync(Wait);
        Assert.StartsWith(name + "/", heldByEtcdnet, StringComparison.Ordinal);

        await using var etcdctl = EtcdctlProcess.Start(cluster.Endpoint, "lock", name);
        await WaitForContendersAsync(name, 2);
        Assert.Null(await etcdctl.NextLineAsync(TimeSpan.FromMilliseconds(500)));

        Assert.Equal(0, await etcdnet.InterruptAsync());
        var heldByEtcdctl = await etcdctl.NextLineAsync(Wait);
        Assert.StartsWith(name + "/", heldByEtcdctl, StringComparison.Ordinal);
        Assert.NotEqual(heldByEtcdnet, heldByEtcdctl);
    }

    [Fact]
    public async Task WithCommand_RunsItWithLockEnvironment_ReleasesAndExitsLikeEtcdctl()
    {
        var name = "cli/lock/" + Guid.NewGuid().ToString("N");
        // The script also reads its lock key back, so ETCD_LOCK_REV can be checked against the key's create revision.
        var script = $"echo $ETCD_LOCK_KEY; echo rev=$ETCD_LOCK_REV; etcdctl --endpoints={cluster.Endpoint} get $ETCD_LOCK_KEY -w fields | grep CreateRevision; exit 7";
        var expected = await EtcdctlRun.RunAsync(cluster.Endpoint, ["lock", name, "--", "sh", "-c", script]);
        var actual = await CliRun.RunAsync(cluster.Endpoint, "lock", name, "--", "sh", "-c", script);

        Assert.Equal(1, expected.ExitCode);
        Assert.Equal(expected.ExitCode, actual.ExitCode);
        Assert.Equal(expected.Stderr.TrimEnd('\n').Split('\n')[^1], actual.Stderr.TrimEnd('\n'));
        var lines = actual.Stdout.Split('\n');
        Assert.StartsWith(name + "/", lines[0], StringComparison.Ordinal);
        Assert.Matches("^rev=[1-9][0-9]*$", lines[1]);
        // A free lock: the revision of the acquiring write, which created the key (as etcdctl).
        Assert.Equal(lines[1]["rev=".Length..], lines[2].Split(':')[1].Trim());
        var etcdctlLines = expected.Stdout.Split('\n');
        Assert.Equal(etcdctlLines[1]["rev=".Length..], etcdctlLines[2].Split(':')[1].Trim());
        Assert.Equal(Shape(expected.Stdout), Shape(actual.Stdout));
        await WaitForContendersAsync(name, 0);

        var success = await CliRun.RunAsync(cluster.Endpoint, "lock", name, "--", "sh", "-c", "echo $ETCD_LOCK_KEY");
        Assert.Equal(0, success.ExitCode);
        Assert.Equal(string.Empty, success.Stderr);
    }

    [Fact]
    public async Task WithCommand_AfterAWait_LockRevIsTheRevisionItWasAcquiredAt()
    {
        var name = "cli/lock/" + Guid.NewGuid().ToString("N");
        await using var etcdctl = EtcdctlProcess.Start(cluster.Endpoint, "lock", name);
        Assert.StartsWith(name + "/", await etcdctl.NextLineAsync(Wait), StringComparison.Ordinal);
        var script = $"echo $ETCD_LOCK_REV; etcdctl --endpoints={cluster.Endpoint} get $ETCD_LOCK_KEY -w fields | grep CreateRevision";
        var waiting = CliRun.RunAsync(cluster.Endpoint, "lock", name, "--", "sh", "-c", script);
        await WaitForContendersAsync(name, 2);
        Assert.Equal(0, await etcdctl.TerminateAsync()); // releases: a delete after our key was created

        var result = await waiting.WaitAsync(Wait);
        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.Split('\n');
        var lockRevision = long.Parse(lines[0], System.Globalization.CultureInfo.InvariantCulture);
        var createRevision = long.Parse(lines[1].Split(':')[1].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(lockRevision > createRevision, $"ETCD_LOCK_REV {lockRevision}, key created at {createRevision}");
    }

    [Fact]
    public async Task Misuse_MatchesEtcdctl()
    {
        foreach (var args in new[] { new[] { "lock" }, ["lock", "x", "nosuchcommand-xyz"] })
        {
            var expected = await EtcdctlRun.RunAsync(cluster.Endpoint, args);
            var actual = await CliRun.RunAsync(cluster.Endpoint, args);
            Golden.AssertSame(expected, actual);
            Assert.Equal(expected.Stderr, actual.Stderr);
        }
    }

    /// <summary>The output with the lease part of lock keys and revision numbers masked.</summary>
    private static string Shape(string output)
        => System.Text.RegularExpressions.Regex.Replace(output, "/[0-9a-f]+\n|=[0-9]+\n|: [0-9]+\n", "/#\n");

    private async Task WaitForContendersAsync(string name, int count)
    {
        await using var client = new EtcdClient(new EtcdClientOptions { Endpoints = [cluster.Endpoint] });
        using var timeout = new CancellationTokenSource(Wait);
        while ((await client.GetAsync(name + "/", new GetOptions { Prefix = true, CountOnly = true }, timeout.Token)).Count != count)
        {
            await Task.Delay(50, timeout.Token);
        }
    }
}
