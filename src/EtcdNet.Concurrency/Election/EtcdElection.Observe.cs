using System.Runtime.CompilerServices;
using EtcdNet.Concurrency.Internal;
using EtcdNet.Resilience;

namespace EtcdNet.Concurrency;

public sealed partial class EtcdElection
{
    /// <summary>
    /// Yields the leader and then every change of leadership or of the leader's value, in order (Go: <c>Observe</c>):
    /// reads the first-created key (or waits for the first candidate), follows that key's puts until it is deleted,
    /// then moves to the next leader. Runs until <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    /// <param name="cancellationToken">Ends the observation.</param>
    /// <returns>The leader's key and value, each time it changes.</returns>
    public async IAsyncEnumerable<KeyValue> ObserveAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var client = Session.Client;
        while (true)
        {
            var first = await client.GetAsync(Prefix, GetOptions.FirstCreate, cancellationToken).ConfigureAwait(false);
            KeyValue? leader = first.Kvs.Count > 0 ? first.Kvs[0] : null;
            var from = first.Header.Revision;
            if (leader is null)
            {
                // No candidate yet: wait for the first put under the prefix.
                leader = await WaitFirstPutAsync(from, cancellationToken).ConfigureAwait(false);
                if (leader is null)
                {
                    continue;
                }

                from = leader.ModRevision;
            }

            yield return leader;

            // Follow the leader key until it is deleted.
            var deleted = false;
            var options = new WatchOptions { StartRevision = from + 1 };
            await foreach (var response in client.WatchAsync(leader.Key, options, cancellationToken).ConfigureAwait(false))
            {
                if (response.Canceled)
                {
                    break;
                }

                foreach (var change in response.Events)
                {
                    if (change.Type == WatchEventType.Delete)
                    {
                        deleted = true;
                        break;
                    }

                    yield return change.Kv;
                }

                if (deleted)
                {
                    break;
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Watches the prefix from <paramref name="revision"/> for the first put; null when the watch ended without one.</summary>
    private async Task<KeyValue?> WaitFirstPutAsync(long revision, CancellationToken cancellationToken)
    {
        var options = new WatchOptions { Prefix = true, StartRevision = revision };
        await foreach (var response in Session.Client.WatchAsync(Prefix, options, cancellationToken).ConfigureAwait(false))
        {
            if (response.Canceled)
            {
                return null;
            }

            foreach (var change in response.Events)
            {
                if (change.Type == WatchEventType.Put)
                {
                    return change.Kv;
                }
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        return null;
    }
}
