using System.ComponentModel;
using System.Globalization;
using EtcdNet.Testing.Internal;

namespace EtcdNet.Testing;

/// <summary>
/// A real etcd cluster (1 to 7 members) on free loopback ports, for integration tests. Dispose it to
/// kill every member and delete its data; a watchdog process also cleans up if the test process dies.
/// </summary>
public sealed partial class EtcdCluster : IAsyncDisposable
{
    private const int MaxStartAttempts = 4; // the first try plus up to 3 retries after port conflicts
    private static readonly TimeSpan StatusTimeout = TimeSpan.FromSeconds(1);

    private readonly EtcdClusterOptions _options;
    private readonly ClusterLog _log;
    private readonly MemberLog _launcherLog;
    private readonly EtcdMember[] _members;
    private readonly Watchdog? _watchdog;
    private readonly EtcdHttp _http;
    private readonly object _gate = new();
    private Task? _disposal;

    private EtcdCluster(EtcdClusterOptions options, string binary)
    {
        _options = options;
        _log = new ClusterLog(options.Log, options.LogLinesKept);
        _launcherLog = _log.CreateMemberLog("cluster");
        var ports = FreePorts.Allocate(MemberSetup.PortsNeeded(options));
        ClusterDirectory = Internal.ClusterDirectory.Create(options.DataRoot, options.Members);
        Certificates = options.Tls ? CreateCertificates(ClusterDirectory) : null;
        _http = EtcdHttp.For(Certificates, presentClientCertificate: options.ClientCertAuth);
        _members = CreateMembers(MemberSetup.ForCluster(options, binary, ClusterDirectory, ports, Certificates));
        try
        {
            _watchdog = Watchdog.TryStart(ClusterDirectory);
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            _launcherLog.Add($"*** the watchdog could not be started ({e.Message}); members are only cleaned up by DisposeAsync and at normal process exit");
        }

        ProcessExitGuard.Register(this);
        ClientUrls = _members.Select(m => m.ClientUrl).ToArray();
        _launcherLog.Add($"*** cluster directory {ClusterDirectory}, client URLs {string.Join(',', ClientUrls)}");
    }

    /// <summary>The members, in name order (<c>m0</c>, <c>m1</c>, ...).</summary>
    public IReadOnlyList<EtcdMember> Members => _members;

    /// <summary>
    /// The client URL of every member, in member order, for example <c>http://127.0.0.1:41234</c>
    /// (<c>https://</c> with <see cref="EtcdClusterOptions.Tls"/>).
    /// </summary>
    public IReadOnlyList<string> ClientUrls { get; }

    /// <summary>
    /// The cluster's throwaway CA, server and client certificates when it was started with
    /// <see cref="EtcdClusterOptions.Tls"/>, else null. Their files are deleted on dispose.
    /// </summary>
    public EtcdTestCertificates? Certificates { get; }

    /// <summary>The per-cluster directory holding the members' data dirs and pid files; deleted on dispose.</summary>
    public string ClusterDirectory { get; }

    /// <summary>
    /// A position in the cluster's log. Take it at the start of a test and pass it to
    /// <see cref="LogsSince"/> to get only the lines logged since.
    /// </summary>
    public long LogMark => _log.Mark;

    /// <summary>Starts a cluster of <paramref name="members"/> members with otherwise default options.</summary>
    /// <param name="members">Number of members (1 to 7).</param>
    /// <param name="cancellationToken">Cancels the start; started members are then killed.</param>
    /// <returns>The cluster, every member healthy.</returns>
    public static Task<EtcdCluster> StartAsync(int members, CancellationToken cancellationToken = default) =>
        StartAsync(new EtcdClusterOptions { Members = members }, cancellationToken);

    /// <summary>
    /// Starts a cluster and waits until every member's /health reports healthy. When a member cannot
    /// bind its port, the whole cluster is started again on new ports (up to 3 times).
    /// </summary>
    /// <param name="options">The options; null for defaults (one member).</param>
    /// <param name="cancellationToken">Cancels the start; started members are then killed.</param>
    /// <returns>The cluster, every member healthy.</returns>
    /// <exception cref="EtcdNotInstalledException">No etcd binary was found.</exception>
    /// <exception cref="EtcdStartException">A member exited or was not healthy within <see cref="EtcdClusterOptions.StartTimeout"/>.</exception>
    public static async Task<EtcdCluster> StartAsync(EtcdClusterOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EtcdClusterOptions();
        options.Validate();
        var binary = EtcdBinaryLocator.Resolve(options.EtcdBinary);
        for (var attempt = 1; ; attempt++)
        {
            EtcdCluster cluster;
            try
            {
                cluster = new EtcdCluster(options, binary);
            }
            catch (EtcdStartException e) when (e.IsPortConflict && attempt < MaxStartAttempts)
            {
                continue; // a fault proxy's port was taken meanwhile: everything on new ports
            }

            try
            {
                await cluster.StartMembersAsync(cancellationToken).ConfigureAwait(false);
                return cluster;
            }
            catch (EtcdStartException e) when (e.IsPortConflict && attempt < MaxStartAttempts)
            {
                cluster._launcherLog.Add($"*** {e.MemberName} could not bind its port; starting the cluster again on new ports");
                await cluster.DisposeAsync().ConfigureAwait(false);
            }
            catch
            {
                await cluster.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    /// <summary>
    /// Returns the current leader: the running, unpaused member that reports itself as leader (the
    /// highest raft term wins), asked via POST /v3/maintenance/status. Waits while there is none,
    /// for example during an election.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The leader.</returns>
    /// <exception cref="TimeoutException">No leader within <see cref="EtcdClusterOptions.StartTimeout"/>.</exception>
    public async Task<EtcdMember> GetLeaderAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        var deadline = DateTime.UtcNow + _options.StartTimeout;
        while (true)
        {
            var leader = await TryFindLeaderAsync(cancellationToken).ConfigureAwait(false);
            if (leader is not null)
            {
                return leader;
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"No running member reported a leader within {_options.StartTimeout.TotalSeconds:0.#} s.{Environment.NewLine}{_log.LinesSince(Math.Max(0, _log.Mark - 100))}"));
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Waits until a running member is leader (see <see cref="GetLeaderAsync"/>).</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when there is a leader.</returns>
    /// <exception cref="TimeoutException">No leader within <see cref="EtcdClusterOptions.StartTimeout"/>.</exception>
    public async Task WaitForLeaderAsync(CancellationToken cancellationToken = default) =>
        await GetLeaderAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>The recent lines of all members (and of the launcher) in arrival order.</summary>
    /// <returns>The lines, each prefixed with <c>[member]</c> and ending with a newline.</returns>
    public string RecentLogs() => _log.LinesSince(0);

    /// <summary>The lines of all members logged after <paramref name="mark"/> (from <see cref="LogMark"/>), as far as still kept.</summary>
    /// <param name="mark">A value of <see cref="LogMark"/>.</param>
    /// <returns>The lines, each prefixed with <c>[member]</c> and ending with a newline.</returns>
    public string LogsSince(long mark) => _log.LinesSince(mark);

    /// <summary>Kills every member, waits for them to exit and deletes the cluster directory. Idempotent.</summary>
    /// <returns>A task that completes when everything is cleaned up.</returns>
    public ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _disposal ??= DisposeCoreAsync();
            return new ValueTask(_disposal);
        }
    }

    /// <summary>Synchronous cleanup for process exit: kill members, delete the directory, stop the watchdog.</summary>
    internal void KillImmediately()
    {
        foreach (var member in _members)
        {
            member.KillImmediately();
        }

        Internal.ClusterDirectory.TryDelete(ClusterDirectory);
        _watchdog?.Kill();
    }

    private async Task StartMembersAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + _options.StartTimeout;
        var marks = _members.Select(m => m.Launch()).ToArray();
        using var failFast = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var waits = _members.Select((m, i) => m.WaitReadyAsync(marks[i], deadline, failFast.Token)).ToArray();
        var pending = waits.ToList();
        while (pending.Count > 0)
        {
            var done = await Task.WhenAny(pending).ConfigureAwait(false);
            pending.Remove(done);
            if (!done.IsCompletedSuccessfully)
            {
                await failFast.CancelAsync().ConfigureAwait(false);
                await Task.WhenAll(waits).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                await done.ConfigureAwait(false); // rethrows the first failure
            }
        }

        _launcherLog.Add("*** all members healthy");
    }

    private async Task<EtcdMember?> TryFindLeaderAsync(CancellationToken cancellationToken)
    {
        var candidates = _members.Where(m => m.IsRunning && !m.IsPaused).ToArray();
        var statuses = await Task.WhenAll(candidates.Select(m => _http.TryGetStatusAsync(m.DirectClientUrl, StatusTimeout, cancellationToken)))
            .ConfigureAwait(false);
        EtcdMember? leader = null;
        ulong leaderTerm = 0;
        for (var i = 0; i < candidates.Length; i++)
        {
            if (statuses[i] is { IsSelfLeader: true } status && (leader is null || status.RaftTerm > leaderTerm))
            {
                leader = candidates[i];
                leaderTerm = status.RaftTerm;
            }
        }

        return leader;
    }

    private async Task DisposeCoreAsync()
    {
        await Task.WhenAll(_members.Select(m => m.ShutdownAsync())).ConfigureAwait(false);
        await DisposeProxiesAsync().ConfigureAwait(false);
        Internal.ClusterDirectory.TryDelete(ClusterDirectory);
        _http.Dispose();
        if (_watchdog is not null)
        {
            await _watchdog.StopAsync().ConfigureAwait(false);
        }

        ProcessExitGuard.Unregister(this);
    }

    /// <summary>Creates the certificates; on failure deletes the fresh cluster directory (nothing else exists yet).</summary>
    private static EtcdTestCertificates CreateCertificates(string clusterDirectory)
    {
        try
        {
            return TestCertificateFactory.Create(clusterDirectory);
        }
        catch
        {
            Internal.ClusterDirectory.TryDelete(clusterDirectory);
            throw;
        }
    }

    private void ThrowIfDisposed()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposal is not null, this);
        }
    }
}
