using EtcdNet.RobustnessTests.Checking;

namespace EtcdNet.RobustnessTests.Workload;

/// <summary>
/// Watches the run's prefix again and again: each watch runs a few seconds, asking for progress notifications, and
/// starts where the last one stopped (resumable), or now and then somewhat earlier (possibly compacted history).
/// </summary>
public sealed class WatchWorker(int clientId, EtcdClient client, History history, RunOptions options, Random random)
{
    public const string Prefix = "r/";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var next = 1L;
        var dropped = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            var start = random.Next(5) == 0 ? Math.Max(1, next - random.Next(1, 200)) : next;
            var record = new WatchRecord(clientId, Prefix, start);
            using var span = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            span.CancelAfter(TimeSpan.FromMilliseconds(random.Next(2000, 5000)));
            var progress = RequestProgressAsync(span.Token);
            try
            {
                await foreach (var response in client.WatchAsync(Prefix, new WatchOptions { Prefix = true, StartRevision = start }, span.Token))
                {
                    if (options.Broken == BrokenMode.LoseOneWatchEvent && !dropped && clientId == 0 && response.Events.Count > 0 && record.Deliveries.Count > 3)
                    {
                        dropped = true; // skip this response, as a client that resumed one revision too late would
                    }
                    else
                    {
                        record.Add(response);
                    }

                    if (response.Events.Count > 0)
                    {
                        next = Math.Max(next, response.Events[^1].Kv.ModRevision + 1);
                    }
                }
            }
            catch (OperationCanceledException) when (span.IsCancellationRequested)
            {
                // the watch's time is up
            }
            catch (EtcdCompactedException e)
            {
                record.Error = e;
                next = Math.Max(next, e.CompactRevision);
            }
            catch (Exception e) when (e is EtcdException or TimeoutException)
            {
                record.Error = e;
            }

            await progress;
            history.Add(record);
        }
    }

    private async Task RequestProgressAsync(CancellationToken token)
    {
        try
        {
            while (!token.IsCancellationRequested)
            {
                await Task.Delay(500, token);
                await client.Watch.RequestProgressAsync(token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or EtcdException or TimeoutException or IOException)
        {
            // progress requests are best effort
        }
    }
}
