using System.Collections.Concurrent;
using EtcdNet.Transport;
using Google.Protobuf;

namespace EtcdNet.UnitTests.Resilience;

/// <summary>
/// A transport that plays a script instead of talking to a server: each unary call takes the next step, which
/// answers, fails or waits for cancellation; each stream is handed to the test, which plays its server.
/// It records which endpoint each call went to. No sockets, no timers.
/// </summary>
internal sealed class ScriptedTransport : ICallTransport
{
    private readonly ConcurrentQueue<Func<GrpcEndpoint, CancellationToken, Task<object?>>> _steps = new();
    private readonly ConcurrentQueue<string> _calls = new();
    private readonly ConcurrentQueue<(int Status, byte[] Body, GrpcCallException? Failure)> _gets = new();
    private readonly System.Threading.Channels.Channel<IScriptedStream> _streams = System.Threading.Channels.Channel.CreateUnbounded<IScriptedStream>();

    public TransportSettings Settings { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), 1 << 20, int.MaxValue, null, "test");

    /// <summary>The leader Status calls report (0: the member knows none).</summary>
    public ulong StatusLeader { get; set; } = 1;

    /// <summary>When set, every Status call fails with it.</summary>
    public GrpcCallException? StatusFailure { get; set; }

    /// <summary>The endpoint of every unary call, in order (the Status checks before writes included, as "status@...").</summary>
    public IReadOnlyList<string> Calls => [.. _calls];

    /// <summary>The next call fails with <paramref name="failure"/>.</summary>
    public ScriptedTransport ThenFail(GrpcCallException failure)
    {
        _steps.Enqueue((_, _) => Task.FromException<object?>(failure));
        return this;
    }

    /// <summary>The next call answers with the method's empty response.</summary>
    public ScriptedTransport ThenAnswer()
    {
        _steps.Enqueue((_, _) => Task.FromResult<object?>(null));
        return this;
    }

    /// <summary>The next call answers with <paramref name="response"/>.</summary>
    public ScriptedTransport ThenAnswer(IMessage response)
    {
        _steps.Enqueue((_, _) => Task.FromResult<object?>(response));
        return this;
    }

    /// <summary>The next call never answers: it ends only when its token is cancelled.</summary>
    public ScriptedTransport ThenHang()
    {
        _steps.Enqueue(async (_, token) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, token).ConfigureAwait(false);
            return null;
        });
        return this;
    }

    public async Task<TResponse> UnaryAsync<TRequest, TResponse>(GrpcEndpoint endpoint, GrpcMethod<TRequest, TResponse> method, TRequest message, CallHeaders headers, CancellationToken cancellationToken)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (method.Name == "Status")
        {
            _calls.Enqueue("status@" + endpoint.Address);
            if (StatusFailure is { } failure)
            {
                throw failure;
            }

            endpoint.MarkSpokeGrpc();
            return method.Parser.ParseFrom(new Protocol.Rpc.StatusResponse { Version = "3.4.23", Leader = StatusLeader }.ToByteString()); // every endpoint is etcd
        }

        _calls.Enqueue(endpoint.Address);
        if (!_steps.TryDequeue(out var step))
        {
            throw new InvalidOperationException($"the script has no step left for call {_calls.Count} ({method})");
        }

        var answer = await step(endpoint, cancellationToken).ConfigureAwait(false);
        return answer as TResponse ?? method.Parser.ParseFrom(ByteString.Empty);
    }

    public IGrpcStreamingCall<TRequest, TResponse> StartStreaming<TRequest, TResponse>(GrpcEndpoint endpoint, GrpcMethod<TRequest, TResponse> method, TRequest? firstAndOnlyMessage, CallHeaders headers, CancellationToken cancellationToken)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        cancellationToken.ThrowIfCancellationRequested();
        var stream = new ScriptedStream<TRequest, TResponse>(endpoint, firstAndOnlyMessage);
        _streams.Writer.TryWrite(stream);
        return stream;
    }

    /// <summary>The next stream the client opens; the test then plays its server.</summary>
    public async Task<ScriptedStream<TRequest, TResponse>> NextStreamAsync<TRequest, TResponse>(CancellationToken cancellationToken = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
        => (ScriptedStream<TRequest, TResponse>)await _streams.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Whether the client opened a stream the test has not taken yet.</summary>
    public bool HasUnclaimedStream => _streams.Reader.Count > 0;

    /// <summary>The next HTTP GET fails with <paramref name="failure"/>, or answers <paramref name="status"/> and <paramref name="body"/>.</summary>
    public ScriptedTransport ThenGet(int status, string body, GrpcCallException? failure = null)
    {
        _gets.Enqueue((status, System.Text.Encoding.UTF8.GetBytes(body), failure));
        return this;
    }

    public Task<(int StatusCode, byte[] Body)> GetAsync(GrpcEndpoint endpoint, string path, CancellationToken cancellationToken)
    {
        _calls.Enqueue($"GET /{path}@{endpoint.Address}");
        if (!_gets.TryDequeue(out var get))
        {
            throw new InvalidOperationException("the script has no HTTP GET left");
        }

        return get.Failure is { } failure ? Task.FromException<(int, byte[])>(failure) : Task.FromResult((get.Status, get.Body));
    }

    public void Dispose()
    {
    }
}
