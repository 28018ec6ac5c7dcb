using System.Collections.Concurrent;
using Google.Protobuf;

namespace EtcdNet.Transport.Http2;

/// <summary>
/// Unary calls on the client's own HTTP/2 connections (<see cref="Http2Connection"/>, one per endpoint); streaming
/// calls and plain GETs on <see cref="GrpcTransport"/>, which also takes a unary call when a connection refuses new
/// streams (the server's stream limit, or GOAWAY while a new connection is being made).
/// </summary>
internal sealed class Http2Transport : ICallTransport
{
    private readonly GrpcTransport _handler;
    private readonly ConcurrentDictionary<GrpcEndpoint, Slot> _slots = new();
    private readonly bool _inlineCompletion;
    private volatile bool _disposed;

    public Http2Transport(TransportSettings settings, bool inlineCompletion)
    {
        Settings = settings;
        _inlineCompletion = inlineCompletion;
        _handler = new GrpcTransport(settings);
    }

    public TransportSettings Settings { get; }

    public async Task<TResponse> UnaryAsync<TRequest, TResponse>(
        GrpcEndpoint endpoint, GrpcMethod<TRequest, TResponse> method, TRequest message, CallHeaders headers, CancellationToken cancellationToken)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ObjectDisposedException.ThrowIf(_disposed, Settings.Owner);
        cancellationToken.ThrowIfCancellationRequested(); // a cancelled call sends nothing (an answer could outrun the cancel)
        var connection = await ConnectionAsync(endpoint, cancellationToken).ConfigureAwait(false);
        var request = GrpcFrameWriter.RentChecked(message, Settings.MaxSendMessageSize, out var length);
        Http2Call? call;
        try
        {
            call = await connection.StartAsync(method.Path, headers, request.AsMemory(0, length), Settings.MaxReceiveMessageSize, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            GrpcFrameWriter.Return(request);
        }

        if (call is null)
        {
            return await _handler.UnaryAsync(endpoint, method, message, headers, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            using (cancellationToken.UnsafeRegister(static (state, token) => Abandon((ValueTuple<Http2Connection, Http2Call>)state!, token), (connection, call)))
            {
                await call.Completion.ConfigureAwait(false);
            }

            return Http2Response.Read(call, endpoint, method, Settings.MaxReceiveMessageSize);
        }
        finally
        {
            call.ReturnBody();
        }
    }

    public Task<(int StatusCode, byte[] Body)> GetAsync(GrpcEndpoint endpoint, string path, CancellationToken cancellationToken)
        => _handler.GetAsync(endpoint, path, cancellationToken);

    public IGrpcStreamingCall<TRequest, TResponse> StartStreaming<TRequest, TResponse>(
        GrpcEndpoint endpoint, GrpcMethod<TRequest, TResponse> method, TRequest? firstAndOnlyMessage, CallHeaders headers, CancellationToken cancellationToken)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
        => _handler.StartStreaming(endpoint, method, firstAndOnlyMessage, headers, cancellationToken);

    public void Dispose()
    {
        _disposed = true;
        foreach (var slot in _slots.Values)
        {
            slot.Close();
        }

        _handler.Dispose();
    }

    private static void Abandon((Http2Connection Connection, Http2Call Call) state, CancellationToken token)
    {
        state.Connection.Cancel(state.Call);
        state.Call.Fail(new OperationCanceledException(token));
    }

    private ValueTask<Http2Connection> ConnectionAsync(GrpcEndpoint endpoint, CancellationToken cancellationToken)
    {
        var connecting = _slots.GetOrAdd(endpoint, static _ => new Slot()).Current(endpoint, Settings, _inlineCompletion);
        return connecting.IsCompletedSuccessfully
            ? new ValueTask<Http2Connection>(connecting.Result)
            : new ValueTask<Http2Connection>(connecting.WaitAsync(cancellationToken));
    }

    /// <summary>The connection (or the attempt to make one) to one endpoint; a failed or closing one is replaced on the next call.</summary>
    private sealed class Slot
    {
        private Task<Http2Connection>? _connecting;

        public Task<Http2Connection> Current(GrpcEndpoint endpoint, TransportSettings settings, bool inlineCompletion)
        {
            var current = Volatile.Read(ref _connecting);
            if (current is { IsCompletedSuccessfully: true } && current.Result.IsUsable)
            {
                return current;
            }

            lock (this)
            {
                current = _connecting;
                if (current is null || current.IsFaulted || current.IsCanceled || (current.IsCompletedSuccessfully && !current.Result.IsUsable))
                {
                    // The connect is the endpoint's, not the first caller's: only the dial timeout bounds it.
                    current = Http2Connection.ConnectAsync(endpoint, settings, inlineCompletion, CancellationToken.None);
                    _connecting = current;
                }

                return current;
            }
        }

        public void Close()
        {
            lock (this)
            {
                if (_connecting is { IsCompletedSuccessfully: true } done)
                {
                    done.Result.Dispose();
                }

                _connecting = null;
            }
        }
    }
}
