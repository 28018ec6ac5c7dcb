using System.Collections.ObjectModel;
using System.Runtime.CompilerServices;

namespace EtcdNet.Discovery;

public sealed partial class EndpointManager
{
    /// <summary>
    /// The service's endpoints as they change (Go's <c>NewWatchChannel</c>): first one batch that adds every endpoint
    /// registered now (empty if there is none), then one batch per change, in etcd's order. The watch under it resumes
    /// after reconnects without losing or repeating a change; if the history it needs was compacted meanwhile, the
    /// endpoints are read again and the difference comes as one batch. A key whose value stops being an endpoint is
    /// reported deleted; deletions of keys that were never endpoints are not reported.
    /// </summary>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    /// <returns>The batches of updates.</returns>
    public async IAsyncEnumerable<IReadOnlyList<EndpointUpdate>> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (known, revision) = await LoadAsync(cancellationToken).ConfigureAwait(false);
        yield return [.. known.Select(e => EndpointUpdate.Add(e.Key, e.Value))];
        while (true)
        {
            var options = new WatchOptions { Prefix = true, StartRevision = revision + 1 };
            var watch = _client.WatchAsync(Prefix, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
            try
            {
                while (true)
                {
                    WatchResponse response;
                    try
                    {
                        if (!await watch.MoveNextAsync().ConfigureAwait(false))
                        {
                            yield break;
                        }

                        response = watch.Current;
                    }
                    catch (EtcdCompactedException)
                    {
                        break;
                    }

                    revision = Math.Max(revision, response.Header.Revision);
                    var batch = Apply(known, response.Events);
                    if (batch.Count > 0)
                    {
                        yield return batch;
                    }
                }
            }
            finally
            {
                await watch.DisposeAsync().ConfigureAwait(false);
            }

            var (now, at) = await LoadAsync(cancellationToken).ConfigureAwait(false);
            var difference = Difference(known, now);
            (known, revision) = (now, at);
            if (difference.Count > 0)
            {
                yield return difference;
            }
        }
    }

    /// <summary>
    /// The live set of the service's endpoints: the set registered now, then the whole set again after every change
    /// (built from <see cref="WatchAsync"/>, so with the same guarantees). Each set yielded is a copy the caller may keep.
    /// </summary>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    /// <returns>The endpoints by full key, after each change.</returns>
    public async IAsyncEnumerable<IReadOnlyDictionary<string, ServiceEndpoint>> WatchSetAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var set = new Dictionary<string, ServiceEndpoint>(StringComparer.Ordinal);
        await foreach (var batch in WatchAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var update in batch)
            {
                if (update.Kind == EndpointUpdateKind.Added)
                {
                    set[update.Key] = update.Endpoint!;
                }
                else
                {
                    set.Remove(update.Key);
                }
            }

            yield return new ReadOnlyDictionary<string, ServiceEndpoint>(new Dictionary<string, ServiceEndpoint>(set, StringComparer.Ordinal));
        }
    }

    /// <summary>Applies watch events to the known endpoints and returns what changed for a consumer.</summary>
    private static List<EndpointUpdate> Apply(Dictionary<string, ServiceEndpoint> known, IReadOnlyList<WatchEvent> events)
    {
        var batch = new List<EndpointUpdate>(events.Count);
        foreach (var e in events)
        {
            var key = e.Kv.KeyString;
            if (e.Type == WatchEventType.Put && EndpointValue.TryDecode(e.Kv.Value, out var endpoint))
            {
                known[key] = endpoint!;
                batch.Add(EndpointUpdate.Add(key, endpoint!));
            }
            else if (known.Remove(key))
            {
                batch.Add(EndpointUpdate.Delete(key));
            }
        }

        return batch;
    }

    /// <summary>The updates that turn <paramref name="before"/> into <paramref name="after"/>.</summary>
    private static List<EndpointUpdate> Difference(Dictionary<string, ServiceEndpoint> before, Dictionary<string, ServiceEndpoint> after)
    {
        var changes = new List<EndpointUpdate>();
        changes.AddRange(before.Keys.Where(k => !after.ContainsKey(k)).Select(EndpointUpdate.Delete));
        changes.AddRange(after.Where(e => !before.TryGetValue(e.Key, out var old) || old != e.Value).Select(e => EndpointUpdate.Add(e.Key, e.Value)));
        return changes;
    }
}
