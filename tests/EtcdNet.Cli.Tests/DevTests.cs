using System.Globalization;
using EtcdNet.Cli.Dev;
using EtcdNet.Cli.Tests.Infrastructure;

namespace EtcdNet.Cli.Tests;

/// <summary>
/// <c>etcdnet dev up|status|down</c>: up, status and down run in-process; the cluster host they start is a
/// real detached process, and its etcd members must be gone after down.
/// </summary>
public sealed class DevTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "etcdnet-devtest-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        // Whatever a failed assertion left behind.
        await CliRun.RunAsync(["dev", "down", "--dir", _dir]);
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public async Task OneMember_Up_Status_PutGet_UpAgain_Down_LeavesNoProcessOrData()
    {
        var up = await CliRun.RunAsync(["dev", "up", "--members", "1", "--dir", _dir]);
        Assert.True(up.ExitCode == 0, up.ToString());
        var flags = FlagsLine(up);
        var state = DevState.TryRead(new DevPaths(_dir));
        Assert.NotNull(state);
        Assert.NotEqual(Environment.ProcessId, state.HostPid);
        Assert.True(Runs(state.HostPid), "the host process runs");
        var member = Assert.Single(state.Members);
        Assert.True(Runs(member.Pid), "the etcd process runs");
        Assert.StartsWith(Path.Combine(_dir, "data") + "/", state.ClusterDirectory, StringComparison.Ordinal);
        Assert.Equal("--endpoints=" + member.Endpoint, flags);

        var status = await CliRun.RunAsync(["dev", "status", "--dir", _dir]);
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains("healthy", status.Stdout, StringComparison.Ordinal);

        var key = "dev/" + Guid.NewGuid().ToString("N");
        var put = await CliRun.RunAsync([.. Split(flags), "put", key, "v1"]);
        Assert.True(put.ExitCode == 0, put.ToString());
        await using (var client = new EtcdClient(EndpointsOf(flags)))
        {
            var get = await client.GetAsync(key);
            Assert.Equal("v1", Assert.Single(get.Kvs).ValueString);
        }

        var again = await CliRun.RunAsync(["dev", "up", "--members", "1", "--dir", _dir]);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("already running", again.Stdout, StringComparison.Ordinal);
        Assert.Equal(flags, FlagsLine(again));

        var down = await CliRun.RunAsync(["dev", "down", "--dir", _dir]);
        Assert.True(down.ExitCode == 0, down.ToString());
        Assert.False(Runs(state.HostPid), "the host process is gone");
        Assert.False(Runs(member.Pid), "the etcd process is gone");
        Assert.False(Directory.Exists(Path.Combine(_dir, "data")), "the data is deleted");

        var after = await CliRun.RunAsync(["dev", "status", "--dir", _dir]);
        Assert.NotEqual(0, after.ExitCode);
        Assert.StartsWith("Error: no dev cluster is running", after.Stderr, StringComparison.Ordinal);

        var downAgain = await CliRun.RunAsync(["dev", "down", "--dir", _dir]);
        Assert.True(downAgain.ExitCode == 0, downAgain.ToString());
        Assert.StartsWith("No dev cluster is running", downAgain.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThreeMembers_WithAuth_OneLeader_RootUserWorks_AnonymousDoesNot()
    {
        var up = await CliRun.RunAsync(["dev", "up", "--members", "3", "--auth"], environment: new Dictionary<string, string> { [DevPaths.DirectoryVariable] = _dir });
        Assert.True(up.ExitCode == 0, up.ToString());
        var flags = FlagsLine(up);
        Assert.Equal(3, EndpointsOf(flags).Length);
        Assert.Matches("^--endpoints=\\S+ --user=root:[0-9a-f]{24}$", flags);

        var status = await CliRun.RunAsync(["dev", "status", "--dir", _dir]);
        Assert.True(status.ExitCode == 0, status.ToString());
        var rows = status.Stdout.Split('\n').Where(l => l.StartsWith('m')).ToArray();
        Assert.Equal(3, rows.Length);
        Assert.All(rows, r => Assert.Contains(" healthy ", r, StringComparison.Ordinal));
        Assert.Single(rows, r => r.Contains(" yes ", StringComparison.Ordinal));

        var key = "dev/" + Guid.NewGuid().ToString("N");
        var put = await CliRun.RunAsync([.. Split(flags), "put", key, "v"]);
        Assert.True(put.ExitCode == 0, put.ToString());
        var anonymous = await CliRun.RunAsync(["--endpoints=" + string.Join(',', EndpointsOf(flags)), "put", key, "v"]);
        Assert.NotEqual(0, anonymous.ExitCode);
        var etcdctl = await EtcdctlRun.RunAsync(EndpointsOf(flags)[0], [.. Split(flags), "get", key, "--print-value-only"]);
        Assert.True(etcdctl.ExitCode == 0, etcdctl.ToString());
        Assert.Equal("v\n", etcdctl.Stdout);

        var pids = DevState.TryRead(new DevPaths(_dir))!.Members.Select(m => m.Pid).ToArray();
        Assert.Equal(0, (await CliRun.RunAsync(["dev", "down", "--dir", _dir])).ExitCode);
        Assert.All(pids, pid => Assert.False(Runs(pid), $"etcd pid {pid} is gone"));
    }

    [Fact]
    public async Task Tls_PrintedFlagsConnect_AndAClientWithoutThemCannot()
    {
        var up = await CliRun.RunAsync(["dev", "up", "--tls", "--dir", _dir]);
        Assert.True(up.ExitCode == 0, up.ToString());
        var flags = FlagsLine(up);
        Assert.Matches("^--endpoints=https://127\\.0\\.0\\.1:\\d+ --cacert=\\S+ --cert=\\S+ --key=\\S+$", flags);

        var key = "dev/" + Guid.NewGuid().ToString("N");
        var put = await CliRun.RunAsync([.. Split(flags), "put", key, "secure"]);
        Assert.True(put.ExitCode == 0, put.ToString());
        var endpoint = EndpointsOf(flags)[0];
        var etcdctl = await EtcdctlRun.RunAsync(endpoint, [.. Split(flags), "get", key, "--print-value-only"]);
        Assert.True(etcdctl.ExitCode == 0, etcdctl.ToString());
        Assert.Equal("secure\n", etcdctl.Stdout);
        var plain = await CliRun.RunAsync(["--endpoints=" + endpoint, "--dial-timeout=1s", "put", key, "v"]);
        Assert.NotEqual(0, plain.ExitCode);

        var status = await CliRun.RunAsync(["dev", "status", "--dir", _dir]);
        Assert.True(status.ExitCode == 0, status.ToString());
        var pid = DevState.TryRead(new DevPaths(_dir))!.Members[0].Pid;
        Assert.Equal(0, (await CliRun.RunAsync(["dev", "down", "--dir", _dir])).ExitCode);
        Assert.False(Runs(pid));
    }

    /// <summary>The last line of dev up's output: the flags that reach the cluster.</summary>
    private static string FlagsLine(CliResult result) => result.Stdout.TrimEnd('\n').Split('\n')[^1];

    private static string[] Split(string flags) => flags.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static string[] EndpointsOf(string flags) => Split(flags)[0]["--endpoints=".Length..].Split(',');

    /// <summary>True when the process exists and is not a zombie (checked through /proc, independently of the CLI).</summary>
    private static bool Runs(int pid)
    {
        var stat = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat";
        try
        {
            var text = File.ReadAllText(stat);
            var state = text[(text.LastIndexOf(')') + 2)..][0];
            return state is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }
}
