using EtcdNet.Resilience;

namespace EtcdNet.Cluster;

/// <summary>
/// The background loop of <see cref="EtcdClientOptions.AutoSyncInterval"/>: every interval it syncs
/// the client's endpoints from the member list (<see cref="EndpointSync"/>). A failed sync keeps the
/// current endpoints and is tried again at the next tick. The loop ends when disposed, or by itself
/// once the client is disposed.
/// </summary>
internal sealed class EndpointAutoSync : IAsyncDisposable
{
    private readonly RpcInvoker _invoker;
    private readonly TimeSpan _interval;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private Exception? _lastFailure;
    private int _syncs;
    private int _disposed;

    private EndpointAutoSync(RpcInvoker invoker, TimeSpan interval)
    {
        _invoker = invoker;
        _interval = interval;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>The failure of the last sync, or null when it succeeded (for diagnostics and tests).</summary>
    public Exception? LastFailure => Volatile.Read(ref _lastFailure);

    /// <summary>How many syncs succeeded.</summary>
    public int Syncs => Volatile.Read(ref _syncs);

    /// <summary>True once the loop has ended.</summary>
    public bool IsStopped => _loop.IsCompleted;

    public static EndpointAutoSync Start(RpcInvoker invoker, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(invoker);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        return new EndpointAutoSync(invoker, interval);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false); // the loop ends without throwing
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        var token = _stop.Token;
        try
        {
            using var timer = new PeriodicTimer(_interval);
            while (await timer.WaitForNextTickAsync(token).ConfigureAwait(false))
            {
                try
                {
                    await EndpointSync.SyncAsync(_invoker, token).ConfigureAwait(false);
                    Volatile.Write(ref _lastFailure, null);
                    Interlocked.Increment(ref _syncs);
                }
                catch (ObjectDisposedException)
                {
                    return; // the client was disposed
                }
                catch (Exception e) when (e is EtcdException or TimeoutException || (e is OperationCanceledException && !token.IsCancellationRequested))
                {
                    Volatile.Write(ref _lastFailure, e); // keep the current endpoints; try again at the next tick
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Disposed.
        }
    }
}
