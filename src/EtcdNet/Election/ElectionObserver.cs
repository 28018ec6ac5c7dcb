using System.Runtime.CompilerServices;
using System.Threading.Channels;
using EtcdNet.Protocol.Election;
using EtcdNet.Resilience;
using EtcdNet.Transport;
using Google.Protobuf;

namespace EtcdNet.Election;

/// <summary>
/// One observation of an election, run on the <see cref="ReconnectingStream"/> every long-lived stream shares: an
/// Observe stream that is reopened on another endpoint (by the one failure table and the stream backoff) whenever it
/// ends without being asked to. What is the observer's own is the catch-up: etcd's Observe starts every stream with
/// the current leader's value, so after a reconnection the proclamations made in between are read back from history
/// (<see cref="ObserveHistory"/>), and anything at or before the last delivered <see cref="ObservePosition"/> is
/// dropped: each proclamation is delivered once, in order. Proclamations reach the enumeration through a small
/// bounded buffer, so a slow consumer slows the reading of the stream, as reading it directly did.
/// </summary>
internal sealed partial class ElectionObserver : IStreamOwner
{
    private const int Buffered = 16;

    private readonly RpcInvoker _invoker;
    private readonly ByteString _name;
    private readonly LeaderRequest _request;
    private readonly ObserveDiagnostics _diagnostics;
    private readonly Channel<EtcdNet.LeaderResponse> _proclamations = Channel.CreateBounded<EtcdNet.LeaderResponse>(
        new BoundedChannelOptions(Buffered) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });

    private ObservePosition _position;
    private volatile bool _ended;

    public ElectionObserver(RpcInvoker invoker, ByteString name, ObserveDiagnostics diagnostics)
    {
        _invoker = invoker;
        _name = name;
        _request = new LeaderRequest { Name = name };
        _diagnostics = diagnostics;
    }

    CallHeaders IStreamOwner.StreamHeaders => CallHeaders.None;

    ulong IStreamOwner.AvoidEndpoints => 0;

    /// <summary>The proclamations, in order, each once; ends with the error that no reconnection can cure.</summary>
    public async IAsyncEnumerable<EtcdNet.LeaderResponse> RunAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var observing = ObserveAsync(stop.Token);
        try
        {
            var reader = _proclamations.Reader;
            while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (reader.TryRead(out var proclamation))
                {
                    yield return proclamation;
                }
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await observing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    Task<bool> IStreamOwner.WaitUntilNeededAsync(CancellationToken cancellationToken)
        => Task.FromResult(!_ended && !cancellationToken.IsCancellationRequested);

    void IStreamOwner.OnOpenFailed(StreamVerdict verdict)
    {
        if (verdict.Fails)
        {
            End(verdict.Error);
        }
    }

    void IStreamOwner.OnClientDisposed(ObjectDisposedException error) => End(error);

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "Whatever ends the loop ends the enumeration with it.")]
    private async Task ObserveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await new ReconnectingStream(_invoker, this).RunAsync(cancellationToken).ConfigureAwait(false);
            _proclamations.Writer.TryComplete();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _proclamations.Writer.TryComplete();
        }
        catch (Exception e)
        {
            _proclamations.Writer.TryComplete(e);
        }
    }

    /// <summary>Ends the observation with <paramref name="error"/>: the enumeration throws it once the buffer is read.</summary>
    private void End(Exception error)
    {
        _ended = true;
        _proclamations.Writer.TryComplete(error);
    }
}
