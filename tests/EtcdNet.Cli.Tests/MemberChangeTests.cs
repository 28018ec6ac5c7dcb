using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using EtcdNet.Cli.Tests.Infrastructure;
using EtcdNet.Testing;

namespace EtcdNet.Cli.Tests;

/// <summary>A single-member etcd of its own, changed by member add/update/promote/remove of both tools (learners that never start).</summary>
public sealed class MemberChangeCluster : IAsyncLifetime
{
    public EtcdCluster Cluster { get; private set; } = null!;

    public string Endpoint => Cluster.ClientUrls[0];

    public async Task InitializeAsync() => Cluster = await EtcdCluster.StartAsync(1);

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

public sealed partial class MemberChangeTests(MemberChangeCluster fixture) : IClassFixture<MemberChangeCluster>
{
    [GeneratedRegex("Member +([0-9a-f]+) added")]
    private static partial Regex AddedId();

    [GeneratedRegex("ETCD_INITIAL_CLUSTER=\"([^\"]*)\"")]
    private static partial Regex InitialCluster();

    [Fact]
    public async Task AddUpdatePromoteRemove_MatchEtcdctl()
    {
        var endpoint = fixture.Endpoint;
        var member = fixture.Cluster.Members[0];

        // etcdctl adds learner "a"; the member list of both tools then shows it unstarted.
        var peerA = PeerUrl();
        var addedByEtcdctl = await EtcdctlRun.RunAsync(endpoint, ["member", "add", "a", "--learner", "--peer-urls=" + peerA]);
        Assert.True(addedByEtcdctl.ExitCode == 0, addedByEtcdctl.ToString());
        var idA = AddedId().Match(addedByEtcdctl.Stdout).Groups[1].Value;
        foreach (var format in new[] { "simple", "json", "fields", "table" })
        {
            Golden.AssertSame(await EtcdctlRun.RunAsync(endpoint, ["-w", format, "member", "list"]), await CliRun.RunAsync(endpoint, "-w", format, "member", "list"));
        }

        Assert.Contains($"{idA}, unstarted, , {peerA}, , true\n", (await CliRun.RunAsync(endpoint, "member", "list")).Stdout, StringComparison.Ordinal);

        // Updating the same member prints the same line; promoting a learner that never started fails the same way.
        Golden.AssertSame(
            await EtcdctlRun.RunAsync(endpoint, ["member", "update", idA, "--peer-urls=" + PeerUrl()]),
            await CliRun.RunAsync(endpoint, "member", "update", idA, "--peer-urls=" + peerA));
        await MaintenanceTests.AssertSameErrorAsync(endpoint, ["member", "promote", idA]);

        // etcdnet removes "a" and adds learner "b": the same output as etcdctl's add, but for the name, URL and ID.
        var removed = await CliRun.RunAsync(endpoint, "member", "remove", idA);
        Assert.True(removed.ExitCode == 0, removed.ToString());
        // Go's %16x: IDs shorter than 16 digits are padded with spaces.
        Assert.Matches($"^Member {idA.PadLeft(16)} removed from cluster [ 0-9a-f]{{16}}\n$", removed.Stdout);

        var peerB = PeerUrl();
        var addedByEtcdnet = await CliRun.RunAsync(endpoint, "member", "add", "b", "--learner", "--peer-urls=" + peerB);
        Assert.True(addedByEtcdnet.ExitCode == 0, addedByEtcdnet.ToString());
        var idB = AddedId().Match(addedByEtcdnet.Stdout).Groups[1].Value;
        Assert.Equal(
            OneSpace(SortInitialCluster(addedByEtcdctl.Stdout.Replace(idA, idB, StringComparison.Ordinal).Replace(peerA, peerB, StringComparison.Ordinal).Replace("\"a\"", "\"b\"", StringComparison.Ordinal).Replace("a=", "b=", StringComparison.Ordinal))),
            OneSpace(SortInitialCluster(addedByEtcdnet.Stdout)));
        Assert.Contains($"ETCD_INITIAL_CLUSTER=", addedByEtcdnet.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{member.Name}={member.PeerUrl}", addedByEtcdnet.Stdout, StringComparison.Ordinal);

        // Removing it (etcdctl) prints what etcdnet printed for "a", in both formats the command defines.
        var removedByEtcdctl = await EtcdctlRun.RunAsync(endpoint, ["member", "remove", idB]);
        Assert.Equal(OneSpace(removed.Stdout.Replace(idA, idB, StringComparison.Ordinal)), OneSpace(removedByEtcdctl.Stdout));

        var jsonByEtcdnet = await AddAndRemoveAsync(endpoint, useEtcdctl: false);
        var jsonByEtcdctl = await AddAndRemoveAsync(endpoint, useEtcdctl: true);
        Assert.Equal(jsonByEtcdctl, jsonByEtcdnet);

        await MaintenanceTests.AssertSameErrorAsync(endpoint, ["member", "remove", idA]);
        await MaintenanceTests.AssertSameErrorAsync(endpoint, ["-w", "fields", "member", "remove", idA]);
    }

    // A learner added and removed in JSON output; returns the remove output (the same for both tools on the same cluster).
    private static async Task<string> AddAndRemoveAsync(string endpoint, bool useEtcdctl)
    {
        async Task<CliResult> Run(params string[] args) => useEtcdctl ? await EtcdctlRun.RunAsync(endpoint, args) : await CliRun.RunAsync(endpoint, args);
        var added = await Run("-w", "json", "member", "add", "j", "--learner", "--peer-urls=" + PeerUrl());
        Assert.True(added.ExitCode == 0, added.ToString());
        var id = ulong.Parse(Regex.Match(added.Stdout, "\"member\":\\{\"ID\":([0-9]+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("\"isLearner\":true", added.Stdout, StringComparison.Ordinal);
        var removed = await Run("-w", "json", "member", "remove", id.ToString("x", System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(removed.ExitCode == 0, removed.ToString());
        return removed.Stdout;
    }

    // Two IDs of different lengths are padded differently by %16x.
    private static string OneSpace(string text) => Regex.Replace(text, " +", " ");

    private static string SortInitialCluster(string text)
        => InitialCluster().Replace(text, m => $"ETCD_INITIAL_CLUSTER=\"{string.Join(',', m.Groups[1].Value.Split(',').Order(StringComparer.Ordinal))}\"");

    // A peer URL on a port nothing listens on: the learners are never started.
    private static string PeerUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
    }
}
