using System.Buffers;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Google.Protobuf;

namespace EtcdNet.Transport.Http2;

/// <summary>
/// A lean HTTP/2 client connection for gRPC unary calls to one etcd endpoint. The caller's thread queues and writes
/// its frames (and those queued by others meanwhile, in one write); one reader thread per connection reads frames
/// with blocking reads and completes calls, so an answer reaches the caller without passing through other threads.
/// </summary>
internal sealed partial class Http2Connection : IDisposable
{
    /// <summary>The receive window announced for each stream and the one granted to the whole connection.</summary>
    private const int StreamWindow = 4 << 20;
    private const int ConnectionWindow = 16 << 20;

    private readonly object _gate = new();
    private readonly Dictionary<int, Http2Call> _calls = [];
    private readonly Socket _socket;
    private readonly Stream _stream;
    private readonly (byte[] Pseudo, byte[] Regular) _commonHeaders;
    private readonly HpackDecoder _decoder = new();
    private readonly ArrayBufferWriter<byte> _headerBlock = new(256);
    private readonly bool _inlineCompletion;
    private int _nextStreamId = 1;
    private int _peerMaxFrameSize = Http2.DefaultMaxFrameSize;
    private long _peerInitialWindow = Http2.DefaultWindow;
    private long _connectionSendWindow = Http2.DefaultWindow;
    private long _peerMaxConcurrentStreams = int.MaxValue;
    private int _goAwayLastStreamId = int.MaxValue;
    private GrpcCallException? _failure;

    private Http2Connection(GrpcEndpoint endpoint, TransportSettings settings, Socket socket, Stream stream, bool inlineCompletion)
    {
        Endpoint = endpoint;
        Settings = settings;
        _socket = socket;
        _stream = stream;
        _inlineCompletion = inlineCompletion;
        _commonHeaders = HpackRequestEncoder.EncodeCommon(Authority(endpoint, settings), endpoint.IsTls, settings.UserAgent, settings.Headers);
        _keepAlive = new Timer(static state => ((Http2Connection)state!).OnKeepAliveTick(), this, Timeout.Infinite, Timeout.Infinite);
        _stallWatch = new Timer(static state => ((Http2Connection)state!).OnStallTick(), this, Timeout.Infinite, Timeout.Infinite);
    }

    public GrpcEndpoint Endpoint { get; }

    public TransportSettings Settings { get; }

    /// <summary>False once the connection failed or the server asked it to stop taking new calls.</summary>
    public bool IsUsable
    {
        get
        {
            lock (_gate)
            {
                return _failure is null && _goAwayLastStreamId == int.MaxValue && _nextStreamId < int.MaxValue / 2;
            }
        }
    }

    /// <summary>
    /// Queues the call's HEADERS and as much of its request as the flow-control windows allow, then writes; the rest
    /// of a large request follows as the peer grants window. Returns null when the connection takes no new calls.
    /// </summary>
    public async ValueTask<Http2Call?> StartAsync(string path, CallHeaders headers, ReadOnlyMemory<byte> request, int maxResponseSize, CancellationToken cancellationToken)
    {
        var call = new Http2Call((int)Math.Min((long)maxResponseSize + GrpcFrameWriter.HeaderSize, Array.MaxLength), _inlineCompletion);
        var sent = 0;
        lock (_gate)
        {
            if (_failure is not null || _goAwayLastStreamId != int.MaxValue || _calls.Count >= _peerMaxConcurrentStreams || _nextStreamId >= int.MaxValue / 2)
            {
                return null;
            }

            call.StreamId = _nextStreamId;
            _nextStreamId += 2;
            call.SendWindow = _peerInitialWindow;
            call.QueuedAt = _handedOff + _pending.WrittenCount;
            _calls.Add(call.StreamId, call);
            QueueHeaders(call.StreamId, path, headers);
            sent = QueueData(call, request.Span);
            ArmKeepAlive();
            ArmStallWatch();
        }

        Flush();
        while (sent < request.Length)
        {
            sent += await SendMoreAsync(call, request[sent..], cancellationToken).ConfigureAwait(false);
        }

        return call;
    }

    /// <summary>Ends a call the caller gave up on: the server is told to stop (RST_STREAM CANCEL).</summary>
    public void Cancel(Http2Call call)
    {
        lock (_gate)
        {
            if (!_calls.Remove(call.StreamId))
            {
                return;
            }

            call.WindowWaiter?.TrySetResult();
            if (_failure is null)
            {
                Http2.WriteFrame(_pending, FrameType.RstStream, call.StreamId, Http2.Cancel);
            }
        }

        FlushLater();
    }

    /// <summary>Closes the connection; calls in progress end with <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose() => Abort(
        new GrpcCallException(new GrpcStatus(GrpcStatusCode.Unavailable, $"the connection to {Endpoint} was closed by the client."), CallFailureKind.Transport, true, Endpoint.Address, fault: ConnectionFault.Reset),
        new ObjectDisposedException(Settings.Owner.FullName));

    /// <summary>
    /// Fails the connection: every call in progress fails (with <paramref name="failure"/>, marked not sent where none of
    /// it left, or with <paramref name="callFailure"/> when given), nothing new starts, the socket closes.
    /// </summary>
    private void Abort(GrpcCallException failure, Exception? callFailure = null)
    {
        Http2Call[] calls;
        lock (_gate)
        {
            if (_failure is not null)
            {
                return;
            }

            _failure = failure;
            calls = [.. _calls.Values];
            _calls.Clear();
            foreach (var call in calls)
            {
                call.WindowWaiter?.TrySetResult();
            }
        }

        _keepAlive.Dispose();
        _stallWatch.Dispose();
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception)
        {
            // Already closed by the peer.
        }

        _stream.Dispose();
        foreach (var call in calls)
        {
            call.Fail(callFailure ?? (call.QueuedAt < Volatile.Read(ref _handedOff) ? failure : failure.NotSent()));
        }
    }

    private void QueueHeaders(int streamId, string path, CallHeaders headers)
    {
        _headerBlock.ResetWrittenCount();
        HpackRequestEncoder.EncodeCall(_headerBlock, _commonHeaders, path, headers);
        var block = _headerBlock.WrittenSpan;
        var offset = 0;
        do
        {
            var chunk = Math.Min(block.Length - offset, _peerMaxFrameSize);
            var type = offset == 0 ? FrameType.Headers : FrameType.Continuation;
            var flags = offset + chunk == block.Length ? Http2.EndHeaders : (byte)0;
            Http2.WriteFrame(_pending, type, flags, streamId, block.Slice(offset, chunk));
            offset += chunk;
        }
        while (offset < block.Length);
    }

    /// <summary>Queues DATA frames for as much of <paramref name="data"/> as the windows allow (under the lock).</summary>
    private int QueueData(Http2Call call, ReadOnlySpan<byte> data)
    {
        var allowed = (int)Math.Min(data.Length, Math.Min(call.SendWindow, _connectionSendWindow));
        var offset = 0;
        while (offset < allowed)
        {
            var chunk = Math.Min(allowed - offset, _peerMaxFrameSize);
            var last = offset + chunk == data.Length;
            Http2.WriteFrame(_pending, FrameType.Data, last ? Http2.EndStream : (byte)0, call.StreamId, data.Slice(offset, chunk));
            offset += chunk;
        }

        call.SendWindow -= allowed;
        _connectionSendWindow -= allowed;
        return allowed;
    }

    private async ValueTask<int> SendMoreAsync(Http2Call call, ReadOnlyMemory<byte> rest, CancellationToken cancellationToken)
    {
        Task? wait = null;
        int queued;
        lock (_gate)
        {
            if (_failure is not null || !_calls.ContainsKey(call.StreamId))
            {
                return rest.Length; // the call has already failed or ended; nothing more to send
            }

            queued = QueueData(call, rest.Span);
            if (queued == 0)
            {
                call.WindowWaiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                wait = call.WindowWaiter.Task;
            }
        }

        if (wait is not null)
        {
            await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }

        Flush();
        return queued;
    }

    private static string Authority(GrpcEndpoint endpoint, TransportSettings settings)
    {
        var host = settings.Ssl?.TargetHost is { Length: > 0 } name && endpoint.IsTls ? name : endpoint.BaseUri.Host;
        return $"{host}:{endpoint.BaseUri.Port}";
    }

    private static SslClientAuthenticationOptions TlsOptions(GrpcEndpoint endpoint, TransportSettings settings)
    {
        var configured = settings.Ssl ?? new SslClientAuthenticationOptions();
        return new SslClientAuthenticationOptions
        {
            TargetHost = string.IsNullOrEmpty(configured.TargetHost) ? endpoint.BaseUri.IdnHost : configured.TargetHost,
            ApplicationProtocols = [SslApplicationProtocol.Http2],
            ClientCertificates = configured.ClientCertificates,
            ClientCertificateContext = configured.ClientCertificateContext,
            LocalCertificateSelectionCallback = configured.LocalCertificateSelectionCallback,
            RemoteCertificateValidationCallback = configured.RemoteCertificateValidationCallback,
            CertificateChainPolicy = configured.CertificateChainPolicy,
            CertificateRevocationCheckMode = configured.CertificateRevocationCheckMode,
            EnabledSslProtocols = configured.EnabledSslProtocols,
            CipherSuitesPolicy = configured.CipherSuitesPolicy,
            EncryptionPolicy = configured.EncryptionPolicy,
            AllowRenegotiation = configured.AllowRenegotiation,
        };
    }
}
