using System.Globalization;

namespace EtcdNet.Concurrency;

/// <summary>
/// The key helpers behind the recipes, with the key layout of etcd's Go <c>contrib/recipes</c>
/// package (<c>key.go</c>, <c>client.go</c>), so Go and .NET processes can share a queue or barrier.
/// </summary>
internal static class RecipeKv
{
    /// <summary>Creates <paramref name="key"/> only if it does not exist (Go: <c>putNewKV</c>).</summary>
    /// <returns>The revision of the creation, or null when the key already existed.</returns>
    public static async Task<long?> PutNewAsync(IEtcdClient client, string key, EtcdBytes value, CancellationToken cancellationToken)
    {
        var response = await client.Txn()
            .If(Compare.Version(key, CompareOp.Equal, 0))
            .Then(Op.Put(key, value))
            .CommitAsync(cancellationToken).ConfigureAwait(false);
        return response.Succeeded ? response.Header.Revision : null;
    }

    /// <summary>
    /// Creates <c>prefix/%016d</c>, one more than the sequence number of the last key under the
    /// prefix (Go: <c>newSequentialKV</c>). The base key <c>"__" + prefix</c> is written in the same
    /// transaction and guarded by its mod revision, so two creators never take the same number.
    /// </summary>
    /// <returns>The created key.</returns>
    public static async Task<string> PutSequentialAsync(IEtcdClient client, string prefix, EtcdBytes value, CancellationToken cancellationToken)
    {
        var baseKey = "__" + prefix;
        while (true)
        {
            var last = await client.GetAsync(prefix + "/", GetOptions.LastKey, cancellationToken).ConfigureAwait(false);
            var next = last.Kvs.Count == 0 ? 0 : ParseSequence(last.Kvs[0].KeyString) + 1;
            var key = prefix + "/" + next.ToString("D16", CultureInfo.InvariantCulture);
            var response = await client.Txn()
                .If(Compare.ModRevision(baseKey, CompareOp.Less, last.Header.Revision + 1))
                .Then(Op.Put(baseKey, EtcdBytes.Empty), Op.Put(key, value))
                .CommitAsync(cancellationToken).ConfigureAwait(false);
            if (response.Succeeded)
            {
                return key;
            }
        }
    }

    /// <summary>Deletes <paramref name="key"/> only if its mod revision is still <paramref name="modRevision"/> (Go: <c>deleteRevKey</c>).</summary>
    /// <returns>True when this call deleted it.</returns>
    public static async Task<bool> DeleteRevisionAsync(IEtcdClient client, string key, long modRevision, CancellationToken cancellationToken)
    {
        var response = await client.Txn()
            .If(Compare.ModRevision(key, CompareOp.Equal, modRevision))
            .Then(Op.Delete(key))
            .CommitAsync(cancellationToken).ConfigureAwait(false);
        return response.Succeeded;
    }

    /// <summary>
    /// Takes one item from a queue under <paramref name="prefix"/> (which ends with <c>/</c>): the first
    /// key in <paramref name="order"/> is claimed with a guarded delete, so each item goes to exactly
    /// one caller; when the queue is empty, waits for the next put (Go: <c>Queue.Dequeue</c>).
    /// </summary>
    /// <returns>The claimed item.</returns>
    public static async Task<KeyValue> ClaimAsync(IEtcdClient client, string prefix, GetOptions order, CancellationToken cancellationToken)
    {
        while (true)
        {
            var first = await client.GetAsync(prefix, order, cancellationToken).ConfigureAwait(false);
            if (first.Kvs.Count > 0)
            {
                var kv = first.Kvs[0];
                if (await DeleteRevisionAsync(client, kv.KeyString, kv.ModRevision, cancellationToken).ConfigureAwait(false))
                {
                    return kv;
                }

                continue;
            }

            var put = await WaitForPutAsync(client, prefix, first.Header.Revision + 1, cancellationToken).ConfigureAwait(false);
            if (put is not null && await DeleteRevisionAsync(client, put.KeyString, put.ModRevision, cancellationToken).ConfigureAwait(false))
            {
                return put;
            }
        }
    }

    /// <summary>Waits for the first put under <paramref name="prefix"/> at or after <paramref name="startRevision"/>.</summary>
    /// <returns>The key as put, or null if the watch ended without one.</returns>
    private static async Task<KeyValue?> WaitForPutAsync(IEtcdClient client, string prefix, long startRevision, CancellationToken cancellationToken)
    {
        var options = new WatchOptions { Prefix = true, NoDelete = true, StartRevision = startRevision };
        await foreach (var response in client.WatchAsync(prefix, options, cancellationToken).ConfigureAwait(false))
        {
            foreach (var e in response.Events)
            {
                if (e.Type == WatchEventType.Put)
                {
                    return e.Kv;
                }
            }
        }

        return null;
    }

    /// <summary>The number after the last <c>/</c> of a sequential key (Go: <c>fmt.Sscanf(field, "%d")</c>).</summary>
    internal static long ParseSequence(string key)
    {
        var field = key[(key.LastIndexOf('/') + 1)..];
        if (!long.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            throw new FormatException($"The key '{key}' does not end with a sequence number.");
        }

        return sequence;
    }
}
