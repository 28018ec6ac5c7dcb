namespace EtcdNet.Concurrency;

/// <summary>One recorded read of a key.</summary>
/// <param name="HeaderRevision">The store revision the read's response reported.</param>
/// <param name="ModRevision">The key's modification revision, 0 when it did not exist.</param>
/// <param name="Value">The key's value, null when it did not exist.</param>
internal readonly record struct StmRead(long HeaderRevision, long ModRevision, EtcdBytes? Value)
{
    /// <summary>The read of a single-key get response; <paramref name="fallbackRevision"/> when the response carries no header.</summary>
    public static StmRead From(GetResponse response, long fallbackRevision)
    {
        var revision = response.Header.Revision != 0 ? response.Header.Revision : fallbackRevision;
        if (response.Kvs.Count == 0)
        {
            return new StmRead(revision, 0, null);
        }

        var kv = response.Kvs[0];
        return new StmRead(revision, kv.ModRevision, new EtcdBytes(kv.Value));
    }
}
