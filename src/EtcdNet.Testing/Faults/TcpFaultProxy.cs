using System.Globalization;
using System.Net;
using System.Net.Sockets;
using EtcdNet.Testing.Internal;

namespace EtcdNet.Testing;

/// <summary>
/// A TCP proxy on a loopback port that forwards every connection to a target port and injects network faults
/// into them at run time: black hole, refused or reset connections, a cut after a number of bytes, latency. Faults
/// can be set per direction and changed at any time; they apply to open and new connections alike. An
/// <see cref="EtcdCluster"/> started with <see cref="EtcdClusterOptions.FaultProxies"/> puts one in front of each
/// member's client port and peer port.
/// </summary>
/// <remarks>Listens on 127.0.0.1 only. Thread-safe.</remarks>
public sealed partial class TcpFaultProxy : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly Lock _lock = new();
    private readonly HashSet<ProxyConnection> _connections = [];
    private readonly CancellationTokenSource _shutdown = new();
    private Socket? _listener; // null while refusing; guarded by _lock
    private Socket? _reserved; // while refusing: the port, bound but not listening; guarded by _lock
    private NetworkFault _connectionFault = NetworkFault.None; // guarded by _lock
    private volatile ProxyState _state = ProxyState.Initial;
    private long _accepted;
    private bool _disposed; // guarded by _lock

    private TcpFaultProxy(int targetPort, Socket listener)
    {
        _target = new IPEndPoint(IPAddress.Loopback, targetPort);
        Port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        _listener = listener;
        _ = AcceptLoopAsync(listener);
    }

    /// <summary>The loopback port the proxy listens on.</summary>
    public int Port { get; }

    /// <summary>The loopback port it forwards to.</summary>
    public int TargetPort => _target.Port;

    /// <summary>The fault on bytes toward the server (<see cref="NetworkFault.None"/> when there is none).</summary>
    public NetworkFault FaultToServer => _state.ToServer;

    /// <summary>The fault on bytes toward the client.</summary>
    public NetworkFault FaultToClient => _state.ToClient;

    /// <summary>The fault on whole connections (<see cref="NetworkFault.Refuse"/> or <see cref="NetworkFault.Reset"/>), or <see cref="NetworkFault.None"/>.</summary>
    public NetworkFault ConnectionFault
    {
        get
        {
            lock (_lock)
            {
                return _connectionFault;
            }
        }
    }

    /// <summary>How many connections are open through the proxy now.</summary>
    public int OpenConnections
    {
        get
        {
            lock (_lock)
            {
                return _connections.Count;
            }
        }
    }

    /// <summary>How many connections the proxy has accepted since it started.</summary>
    public long ConnectionsAccepted => Interlocked.Read(ref _accepted);

    /// <summary>
    /// Names where a connection comes from (for example, which etcd member), from the client's address; used by
    /// <see cref="BlockOrigins"/>. Set before connections arrive.
    /// </summary>
    internal Func<IPEndPoint, string?>? IdentifyOrigin { get; init; }

    /// <summary>Starts a proxy that forwards to <paramref name="targetPort"/> on 127.0.0.1.</summary>
    /// <param name="targetPort">The loopback port to forward to.</param>
    /// <param name="listenPort">The port to listen on; 0 (the default) for a free one.</param>
    /// <returns>The running proxy.</returns>
    /// <exception cref="SocketException">The port cannot be bound.</exception>
    public static TcpFaultProxy Start(int targetPort, int listenPort = 0) => Start(targetPort, listenPort, identifyOrigin: null);

    internal static TcpFaultProxy Start(int targetPort, int listenPort, Func<IPEndPoint, string?>? identifyOrigin)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(targetPort, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(targetPort, IPEndPoint.MaxPort);
        ArgumentOutOfRangeException.ThrowIfNegative(listenPort);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(listenPort, IPEndPoint.MaxPort);
        return new TcpFaultProxy(targetPort, Listen(listenPort)) { IdentifyOrigin = identifyOrigin };
    }

    /// <summary>
    /// Injects <paramref name="fault"/>. <see cref="NetworkFault.Refuse"/> and <see cref="NetworkFault.Reset"/> act on
    /// whole connections and replace the connection fault (the direction does not matter); the others replace the
    /// fault of the given directions. <see cref="NetworkFault.None"/> ends the faults of those directions and the
    /// connection fault.
    /// </summary>
    /// <param name="fault">The fault.</param>
    /// <param name="direction">Which way it applies to; default both.</param>
    /// <exception cref="ObjectDisposedException">The proxy was disposed.</exception>
    /// <exception cref="SocketException">Ending <see cref="NetworkFault.Refuse"/>: the port could not be bound again.</exception>
    public void Inject(NetworkFault fault, FaultDirection direction = FaultDirection.Both)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ProxyConnection[] toReset = [];
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!fault.IsConnectionFault)
            {
                _state = _state.With(fault, direction); // first: held bytes flow again whatever happens below
            }

            if (fault.IsConnectionFault || fault.Kind == NetworkFaultKind.None)
            {
                SetConnectionFault(fault.IsConnectionFault ? fault : NetworkFault.None);
                if (fault.Kind == NetworkFaultKind.Reset)
                {
                    toReset = [.. _connections];
                }
            }
        }

        foreach (var connection in toReset)
        {
            connection.Reset();
        }
    }

    /// <summary>Ends every fault: bytes flow again (held ones are delivered) and new connections are accepted.</summary>
    /// <exception cref="ObjectDisposedException">The proxy was disposed.</exception>
    public void Heal() => Inject(NetworkFault.None);

    /// <summary>Resets every open connection once (TCP RST to both ends), without leaving a fault in place.</summary>
    public void ResetConnections()
    {
        ProxyConnection[] open;
        lock (_lock)
        {
            open = [.. _connections];
        }

        foreach (var connection in open)
        {
            connection.Reset();
        }
    }

    /// <summary>Stops listening and resets every open connection.</summary>
    /// <returns>A task that completes when the proxy is closed.</returns>
    public ValueTask DisposeAsync()
    {
        Close();
        return ValueTask.CompletedTask;
    }

    /// <summary>Stops listening and resets every open connection (nothing to wait for). Idempotent.</summary>
    internal void Close()
    {
        ProxyConnection[] open;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _listener?.Dispose();
            _listener = null;
            _reserved?.Dispose();
            _reserved = null;
            open = [.. _connections];
        }

        _shutdown.Cancel();
        foreach (var connection in open)
        {
            connection.Reset();
        }

        _state.Release();
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{Port} -> {TargetPort} (to server {FaultToServer}, to client {FaultToClient}, connections {ConnectionFault})");

    /// <summary>
    /// Holds back every connection for which <paramref name="blocks"/> is true of its origin (see
    /// <see cref="IdentifyOrigin"/>; null when unknown), both ways, as a black hole does; null blocks none.
    /// </summary>
    internal void BlockOrigins(Func<string?, bool>? blocks)
    {
        lock (_lock)
        {
            _state = _state.WithBlockedOrigins(blocks);
        }
    }

    /// <summary>The current fault state; connections read it for every chunk.</summary>
    internal ProxyState State => _state;

    internal void Remove(ProxyConnection connection)
    {
        lock (_lock)
        {
            _connections.Remove(connection);
        }
    }

    private static Socket Listen(int port)
    {
        var socket = Bind(port);
        try
        {
            socket.Listen(512);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static Socket Bind(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Called under the lock: stops or resumes listening as the connection fault requires. While refusing, the port
    /// stays bound by a socket that does not listen, so the kernel refuses connections and nobody else can take it.
    /// </summary>
    private void SetConnectionFault(NetworkFault fault)
    {
        _connectionFault = fault;
        if (fault.Kind == NetworkFaultKind.Refuse && _listener is not null)
        {
            _listener.Dispose();
            _listener = null;
            _reserved = Bind(Port);
        }
        else if (fault.Kind != NetworkFaultKind.Refuse && _listener is null)
        {
            var socket = _reserved ?? Bind(Port);
            _reserved = null;
            socket.Listen(512);
            _listener = socket;
            _ = AcceptLoopAsync(_listener);
        }
    }
}
