using System.Globalization;
using EtcdNet.Concurrency.Internal;
using EtcdNet.Resilience;

namespace EtcdNet.Concurrency;

/// <summary>
/// Unique keys attached to a session's lease, with the layout of Go's <c>newUniqueEphemeralKey</c>:
/// <c>prefix/&lt;unix nanoseconds&gt;</c>, created only if absent.
/// </summary>
internal static class RecipeEphemeralKey
{
    /// <summary>
    /// Creates a new key <c>prefix/&lt;unix nanoseconds&gt;</c> attached to the session's lease. A name already taken by
    /// another lease is skipped; one taken by this lease is treated as an earlier attempt of this call (so the
    /// transaction can be retried safely after an unknown outcome).
    /// </summary>
    /// <param name="session">The session whose lease the key is attached to.</param>
    /// <param name="prefix">The prefix, without the trailing <c>/</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The key and its create revision.</returns>
    public static async Task<(string Key, long Revision)> CreateAsync(EtcdSession session, string prefix, CancellationToken cancellationToken)
    {
        var client = session.Client;
        var put = new PutOptions { Lease = session.LeaseId };
        while (true)
        {
            var nanos = (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;
            var key = prefix + "/" + nanos.ToString(CultureInfo.InvariantCulture);
            var response = await client.Txn()
                .If(Compare.Version(key, CompareOp.Equal, 0))
                .Then(Op.Put(key, EtcdBytes.Empty, put))
                .Else(Op.Get(key))
                .Repeatable()
                .CommitAsync(cancellationToken).ConfigureAwait(false);
            if (response.Succeeded)
            {
                return (key, response.Header.Revision);
            }

            var existing = response.Responses[0].Get!.Kvs;
            if (existing.Count > 0 && existing[0].Lease == session.LeaseId)
            {
                return (key, existing[0].CreateRevision);
            }
        }
    }

    /// <summary>Deletes <paramref name="key"/> if its create revision is still <paramref name="revision"/>.</summary>
    /// <param name="client">The client.</param>
    /// <param name="key">The key.</param>
    /// <param name="revision">The key's create revision.</param>
    /// <param name="cancellationToken">Cancels the call; when it cannot be cancelled a 5 s limit applies.</param>
    public static async Task DeleteAsync(IEtcdClient client, string key, long revision, CancellationToken cancellationToken)
    {
        using var limit = cancellationToken.CanBeCanceled ? null : new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var token = limit?.Token ?? cancellationToken;
        await client.Txn()
            .If(Compare.CreateRevision(key, CompareOp.Equal, revision))
            .Then(Op.Delete(key))
            .Repeatable()
            .CommitAsync(token).ConfigureAwait(false);
    }

    /// <summary>
    /// After a failed or cancelled wait: deletes <paramref name="key"/> as <see cref="DeleteAsync"/> does, best effort and
    /// within 5 s, so that the caller gets the original failure promptly (a key left behind goes with the session's lease).
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="key">The key.</param>
    /// <param name="revision">The key's create revision.</param>
    public static async Task RemoveAbandonedAsync(IEtcdClient client, string key, long revision)
    {
        try
        {
            await DeleteAsync(client, key, revision, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is EtcdException or OperationCanceledException or TimeoutException or ObjectDisposedException)
        {
            // Best effort: the original failure is what the caller needs to see.
        }
    }

    /// <summary>True when <paramref name="key"/> still exists with create revision <paramref name="revision"/>.</summary>
    /// <param name="client">The client.</param>
    /// <param name="key">The key.</param>
    /// <param name="revision">The expected create revision.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static async Task<bool> ExistsAsync(IEtcdClient client, string key, long revision, CancellationToken cancellationToken)
    {
        var response = await client.GetAsync(key, null, cancellationToken).ConfigureAwait(false);
        return response.Kvs.Count > 0 && response.Kvs[0].CreateRevision == revision;
    }
}
