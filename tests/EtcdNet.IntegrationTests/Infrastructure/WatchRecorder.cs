using System.Threading.Channels;

namespace EtcdNet.IntegrationTests.Infrastructure;

/// <summary>
/// Runs a watch in the background and records what it delivers, so a test can wait for responses
/// (events, not sleeps). <see cref="StartAsync"/> returns once the server confirmed the watch.
/// </summary>
public sealed class WatchRecorder : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(15);
    private readonly Channel<WatchResponse> _responses = Channel.CreateUnbounded<WatchResponse>();
    private readonly CancellationTokenSource _stop = new();
    private Task _pump = Task.CompletedTask;
    private int _disposed;

    private WatchRecorder()
    {
    }

    /// <summary>Completes when the watch ends; faulted with the exception that ended it.</summary>
    public Task Completion => _pump;

    public static async Task<WatchRecorder> StartAsync(IWatchClient client, EtcdBytes key, WatchOptions? options = null, bool waitForCreated = true)
    {
        var recorder = new WatchRecorder();
        var effective = (options ?? new WatchOptions()) with { CreatedNotify = waitForCreated || (options?.CreatedNotify ?? false) };
        recorder._pump = Task.Run(async () =>
        {
            try
            {
                await foreach (var response in client.WatchAsync(key, effective, recorder._stop.Token))
                {
                    recorder._responses.Writer.TryWrite(response);
                }

                recorder._responses.Writer.TryComplete();
            }
            catch (OperationCanceledException) when (recorder._stop.IsCancellationRequested)
            {
                recorder._responses.Writer.TryComplete();
            }
            catch (Exception e)
            {
                recorder._responses.Writer.TryComplete(e);
                throw;
            }
        });
        if (waitForCreated)
        {
            var first = await recorder.NextAsync();
            Assert.True(first.Created, "the first response of a watch with CreatedNotify is its creation");
        }

        return recorder;
    }

    /// <summary>The next response, failing the test if none comes within <paramref name="wait"/>.</summary>
    public async Task<WatchResponse> NextAsync(TimeSpan? wait = null)
    {
        using var cts = new CancellationTokenSource(wait ?? DefaultWait);
        return await _responses.Reader.ReadAsync(cts.Token);
    }

    /// <summary>The next response if one comes within <paramref name="wait"/>, otherwise null.</summary>
    public async Task<WatchResponse?> TryNextAsync(TimeSpan wait)
    {
        using var cts = new CancellationTokenSource(wait);
        try
        {
            return await _responses.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Collects events (skipping notifications) until <paramref name="count"/> have arrived.</summary>
    public async Task<List<WatchEvent>> EventsAsync(int count, TimeSpan? wait = null)
    {
        var events = new List<WatchEvent>();
        using var cts = new CancellationTokenSource(wait ?? DefaultWait);
        while (events.Count < count)
        {
            var response = await _responses.Reader.ReadAsync(cts.Token);
            events.AddRange(response.Events);
        }

        return events;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync();
        try
        {
            await _pump;
        }
        catch (Exception)
        {
            // the test already looked at how the watch ended, if it cared
        }

        _stop.Dispose();
    }
}
