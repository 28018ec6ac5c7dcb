using System.Net;
using System.Net.Security;
using System.Net.Sockets;

namespace EtcdNet.Transport.Http2;

/// <summary>
/// Making a connection. Everything runs on the connection's own thread with blocking socket calls and the dial
/// timeout as the socket's deadline (see the write side for why the socket never sees an asynchronous call); once
/// the server's SETTINGS arrived, the same thread becomes the connection's reader. No pool thread waits on a
/// member that accepts connections but does not answer yet.
/// </summary>
internal sealed partial class Http2Connection
{
    /// <summary>Connects, sets up TLS when the endpoint uses it, and exchanges the HTTP/2 preface and settings.</summary>
    /// <exception cref="GrpcCallException">No HTTP/2 connection could be made; nothing was sent.</exception>
    public static async Task<Http2Connection> ConnectAsync(GrpcEndpoint endpoint, TransportSettings settings, bool inlineCompletion, CancellationToken cancellationToken)
    {
        var attempt = new ConnectAttempt(endpoint, settings, inlineCompletion);
        var thread = new Thread(static state => ((ConnectAttempt)state!).Run()) { IsBackground = true, Name = "etcd HTTP/2 reader" };
        thread.Start(attempt);
        try
        {
            // The thread keeps its own deadline; this one only covers a name lookup that hangs.
            return await attempt.Ready.WaitAsync(settings.DialTimeout + TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            attempt.Abandon();
            throw ConnectFailure(e is TimeoutException ? new OperationCanceledException(e.Message, e) : e, endpoint, cancellationToken);
        }
    }

    /// <summary>One attempt to connect, run on the thread that then reads for the connection.</summary>
    private sealed class ConnectAttempt(GrpcEndpoint endpoint, TransportSettings settings, bool inlineCompletion)
    {
        private readonly TaskCompletionSource<Http2Connection> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly long _deadline = Environment.TickCount64 + (long)settings.DialTimeout.TotalMilliseconds;
        private Socket? _socket;
        private volatile bool _abandoned;

        public Task<Http2Connection> Ready => _ready.Task;

        /// <summary>The caller gave up: close whatever is open; a connection that completes anyway is closed.</summary>
        public void Abandon()
        {
            _abandoned = true;
            Volatile.Read(ref _socket)?.Dispose();
        }

        public void Run()
        {
            Http2Connection connection;
            try
            {
                connection = Open();
            }
            catch (Exception e)
            {
                Volatile.Read(ref _socket)?.Dispose();
                _ready.TrySetException(e);
                return;
            }

            if (_abandoned || !_ready.TrySetResult(connection))
            {
                connection.Dispose();
                return;
            }

            connection.ReadLoop();
        }

        private Http2Connection Open()
        {
            var socket = ConnectSocket();
            socket.ReceiveTimeout = socket.SendTimeout = Remaining();
            Stream stream = new NetworkStream(socket, ownsSocket: true);
            if (endpoint.IsTls)
            {
                var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = tls;
                tls.AuthenticateAsClient(TlsOptions(endpoint, settings));
            }

            var connection = new Http2Connection(endpoint, settings, socket, stream, inlineCompletion);
            socket.ReceiveTimeout = socket.SendTimeout = Remaining();
            connection.Handshake();
            socket.ReceiveTimeout = socket.SendTimeout = 0; // from now on the keep-alive watches the connection
            return connection;
        }

        /// <summary>Tries each address of the host in turn until one accepts, within the dial timeout.</summary>
        private Socket ConnectSocket()
        {
            if (endpoint.SocketPath is { } path)
            {
                var unix = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                Volatile.Write(ref _socket, unix);
                unix.Connect(new UnixDomainSocketEndPoint(path));
                return unix;
            }

            SocketException? failure = null;
            foreach (var address in Dns.GetHostAddresses(endpoint.BaseUri.IdnHost))
            {
                var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                Volatile.Write(ref _socket, socket);
                if (_abandoned)
                {
                    break;
                }

                try
                {
                    // A blocking connect bounded by the send timeout, which Linux applies to connect(): a non-blocking
                    // connect would hand the socket to the runtime's event loop for good.
                    socket.SendTimeout = Remaining();
                    try
                    {
                        socket.Connect(address, endpoint.BaseUri.Port);
                    }
                    catch (SocketException e) when (e.SocketErrorCode is SocketError.WouldBlock or SocketError.InProgress)
                    {
                        throw new SocketException((int)SocketError.TimedOut);
                    }

                    return socket;
                }
                catch (SocketException e) when (e.SocketErrorCode != SocketError.TimedOut)
                {
                    failure = e;
                    socket.Dispose();
                }
            }

            throw failure ?? new SocketException((int)SocketError.HostNotFound);
        }

        /// <summary>Milliseconds left of the dial timeout (at least 1: 0 would mean no timeout to the socket).</summary>
        private int Remaining()
        {
            var left = _deadline - Environment.TickCount64;
            return left > 0 ? (int)Math.Min(left, int.MaxValue) : throw new SocketException((int)SocketError.TimedOut);
        }
    }
}
