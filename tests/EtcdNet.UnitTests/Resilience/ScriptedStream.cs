using System.Threading.Channels;
using EtcdNet.Transport;
using Google.Protobuf;

namespace EtcdNet.UnitTests.Resilience;

/// <summary>One opened stream of a <see cref="ScriptedTransport"/>, of either message type.</summary>
internal interface IScriptedStream
{
    GrpcEndpoint Endpoint { get; }
}

/// <summary>
/// A streaming call whose server is the test: it sees what the client writes, answers with the messages the test
/// gives, and ends (gracefully or with a transport failure) when the test says. Disposing it ends reads in progress
/// with a cancellation, as the real transport does.
/// </summary>
internal sealed class ScriptedStream<TRequest, TResponse>(GrpcEndpoint endpoint, TRequest? firstMessage) : IScriptedStream, IGrpcStreamingCall<TRequest, TResponse>
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    private readonly Channel<TRequest> _written = Channel.CreateUnbounded<TRequest>();
    private readonly Channel<TResponse> _answers = Channel.CreateUnbounded<TResponse>();
    private readonly CancellationTokenSource _disposed = new();

    public GrpcEndpoint Endpoint { get; } = endpoint;

    /// <summary>The request of a server-streaming call (null for a duplex one).</summary>
    public TRequest? FirstMessage { get; } = firstMessage;

    public bool IsDisposed => _disposed.IsCancellationRequested;

    /// <summary>The next message the client writes.</summary>
    public async Task<TRequest> NextWriteAsync() => await _written.Reader.ReadAsync().AsTask().WaitAsync(Guard);

    /// <summary>The server sends <paramref name="response"/>.</summary>
    public void Answer(TResponse response) => _answers.Writer.TryWrite(response);

    /// <summary>The stream breaks with <paramref name="failure"/> (after the answers already given are read).</summary>
    public void Fail(Exception failure) => _answers.Writer.TryComplete(failure);

    /// <summary>The server ends the call with status OK.</summary>
    public void End() => _answers.Writer.TryComplete();

    public ValueTask WriteAsync(TRequest message, CancellationToken cancellationToken)
    {
        if (_disposed.IsCancellationRequested)
        {
            throw new OperationCanceledException("the call was disposed");
        }

        _written.Writer.TryWrite(message);
        return ValueTask.CompletedTask;
    }

    public void CompleteRequest()
    {
    }

    public async ValueTask<TResponse?> ReadAsync(CancellationToken cancellationToken)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposed.Token);
        try
        {
            return await _answers.Reader.WaitToReadAsync(either.Token).ConfigureAwait(false) && _answers.Reader.TryRead(out var answer) ? answer : null;
        }
        catch (ChannelClosedException closed) when (closed.InnerException is { } failure)
        {
            throw failure;
        }
    }

    public ValueTask DisposeAsync()
    {
        _disposed.Cancel();
        return ValueTask.CompletedTask;
    }
}
