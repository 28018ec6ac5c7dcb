using System.Globalization;
using EtcdNet.Testing.Internal;

namespace EtcdNet.Testing;

/// <summary>
/// One etcd process of an <see cref="EtcdCluster"/>. Start, stop, kill and restart of one member are
/// serialized; different members can be operated on concurrently from different tasks.
/// </summary>
public sealed class EtcdMember
{
    private readonly MemberSetup _setup;
    private readonly MemberLog _log;
    private readonly MemberProcess _process;
    private readonly OperationGate _gate;

    internal EtcdMember(MemberSetup setup, MemberLog log, OperationGate gate, EtcdHttp http, TcpFaultProxy? clientProxy = null, TcpFaultProxy? peerProxy = null)
    {
        _setup = setup;
        _log = log;
        _process = new MemberProcess(setup, log, http);
        _gate = gate;
        ClientUrl = setup.AdvertisedClientUrl;
        PeerUrl = MemberSetup.Url(peerProxy?.Port ?? setup.PeerPort);
        ClientProxy = clientProxy;
        PeerProxy = peerProxy;
    }

    /// <summary>The etcd member name (<c>m0</c>, <c>m1</c>, ...).</summary>
    public string Name => _setup.Name;

    /// <summary>
    /// The client URL, for example <c>http://127.0.0.1:41234</c>, or <c>https://127.0.0.1:41234</c>
    /// when the cluster was started with <see cref="EtcdClusterOptions.Tls"/>. With
    /// <see cref="EtcdClusterOptions.FaultProxies"/> it is the URL of <see cref="ClientProxy"/>.
    /// </summary>
    public string ClientUrl { get; }

    /// <summary>The peer (raft) URL the other members dial, for example <c>http://127.0.0.1:41235</c> (the <see cref="PeerProxy"/>'s, when there is one).</summary>
    public string PeerUrl { get; }

    /// <summary>The loopback port etcd itself listens on for clients (behind <see cref="ClientProxy"/>, when there is one).</summary>
    public int ClientPort => _setup.ClientPort;

    /// <summary>The loopback port etcd itself listens on for peers (behind <see cref="PeerProxy"/>, when there is one).</summary>
    public int PeerPort => _setup.PeerPort;

    /// <summary>
    /// The fault proxy in front of the client port when the cluster was started with
    /// <see cref="EtcdClusterOptions.FaultProxies"/>, else null. Its faults are what clients of this member see.
    /// </summary>
    public TcpFaultProxy? ClientProxy { get; }

    /// <summary>
    /// The fault proxy in front of the peer port (every other member's traffic to this one passes it) when the
    /// cluster was started with <see cref="EtcdClusterOptions.FaultProxies"/>, else null. To cut members off from
    /// their peers both ways, use <see cref="EtcdCluster.Partition"/>.
    /// </summary>
    public TcpFaultProxy? PeerProxy { get; }

    /// <summary>The client URL etcd listens on, bypassing any proxy (the launcher's own checks use it).</summary>
    internal string DirectClientUrl => _setup.ClientUrl;

    /// <summary>
    /// The Prometheus metrics URL (etcd's own client URL + <c>/metrics</c>, never through a fault proxy); with TLS it
    /// is https and needs the cluster's CA (and, with client certificate authentication, the client certificate).
    /// </summary>
    public string MetricsUrl => DirectClientUrl + "/metrics";

    /// <summary>The process id while the member runs, else null.</summary>
    public int? ProcessId => _process.ProcessId;

    /// <summary>True while the etcd process exists (also while paused).</summary>
    public bool IsRunning => _process.IsRunning;

    /// <summary>True while the process is frozen by <see cref="Pause"/>.</summary>
    public bool IsPaused => _process.IsPaused;

    /// <summary>
    /// Starts the member again with the same data dir, ports and flags, and waits until its /health
    /// reports healthy. Health needs a leader: to bring back members after quorum was lost, start
    /// them concurrently.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait; the process is then killed.</param>
    /// <returns>A task that completes when the member is healthy.</returns>
    /// <exception cref="InvalidOperationException">The member is already running.</exception>
    /// <exception cref="EtcdStartException">It exited or was not healthy within <see cref="EtcdClusterOptions.StartTimeout"/>; it is then killed.</exception>
    /// <exception cref="ObjectDisposedException">The cluster was disposed.</exception>
    public Task StartAsync(CancellationToken cancellationToken = default) =>
        RunExclusiveAsync(StartCoreAsync, cancellationToken);

    /// <summary>Resumes the member if paused, sends SIGTERM and waits for exit, escalating to SIGKILL after 10 seconds. No-op when not running.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the process has exited.</returns>
    public Task StopAsync(CancellationToken cancellationToken = default) =>
        RunExclusiveAsync(token => _process.StopAsync(graceful: true, token), cancellationToken);

    /// <summary>Sends SIGKILL and waits for exit. No-op when not running.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the process has exited.</returns>
    public Task KillAsync(CancellationToken cancellationToken = default) =>
        RunExclusiveAsync(token => _process.StopAsync(graceful: false, token), cancellationToken);

    /// <summary>Stops the member like <see cref="StopAsync"/> (if running), then starts it like <see cref="StartAsync"/>.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the member is healthy again.</returns>
    public Task RestartAsync(CancellationToken cancellationToken = default) =>
        RunExclusiveAsync(
            async token =>
            {
                await _process.StopAsync(graceful: true, token).ConfigureAwait(false);
                await StartCoreAsync(token).ConfigureAwait(false);
            },
            cancellationToken);

    /// <summary>Freezes the process with SIGSTOP and returns once every one of its threads is stopped: its sockets stay open but it answers nothing. No-op when already paused.</summary>
    /// <exception cref="InvalidOperationException">The member is not running.</exception>
    public void Pause() => _process.Pause();

    /// <summary>Continues a paused process with SIGCONT. No-op when not paused.</summary>
    public void Resume() => _process.Resume();

    /// <summary>The recent log lines of this member (at most <see cref="EtcdClusterOptions.LogLinesKept"/>).</summary>
    /// <returns>The lines, each prefixed with the member name and ending with a newline.</returns>
    public string RecentLogs() => _log.Recent();

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name} ({ClientUrl}, pid {ProcessId?.ToString(CultureInfo.InvariantCulture) ?? "none"})");

    /// <summary>Starts the process without waiting (cluster start); returns the log mark taken before.</summary>
    internal long Launch() => _process.Launch();

    /// <summary>Waits for health after <see cref="Launch"/>.</summary>
    internal Task WaitReadyAsync(long mark, DateTime deadline, CancellationToken cancellationToken = default) =>
        _process.WaitReadyAsync(mark, deadline, cancellationToken);

    /// <summary>Kills the process and rejects further operations (cluster dispose).</summary>
    internal async Task ShutdownAsync()
    {
        await _gate.CloseAsync(() => _process.StopAsync(graceful: false, CancellationToken.None)).ConfigureAwait(false);
        _gate.Dispose();
    }

    /// <summary>Synchronous last-resort kill used at process exit.</summary>
    internal void KillImmediately() => _process.KillImmediately();

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        var mark = _process.Launch();
        try
        {
            await _process.WaitReadyAsync(mark, DateTime.UtcNow + _setup.StartTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await _process.StopAsync(graceful: false, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    private Task RunExclusiveAsync(Func<CancellationToken, Task> operation, CancellationToken cancellationToken) =>
        _gate.RunAsync(operation, cancellationToken);
}
