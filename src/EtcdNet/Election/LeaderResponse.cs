namespace EtcdNet;

/// <summary>An election's current leader and the value it proclaimed, from <see cref="IElectionClient.LeaderAsync"/> or <see cref="IElectionClient.ObserveAsync"/>.</summary>
public sealed class LeaderResponse
{
    internal LeaderResponse(ResponseHeader header, KeyValue kv)
    {
        Header = header;
        Kv = kv;
    }

    /// <summary>The response header.</summary>
    public ResponseHeader Header { get; }

    /// <summary>
    /// The leader's key and proclaimed value: <see cref="KeyValue.ValueString"/> is the value,
    /// <see cref="KeyValue.CreateRevision"/> identifies the leadership (it equals <see cref="LeaderKey.Rev"/>),
    /// <see cref="KeyValue.ModRevision"/> the proclamation.
    /// </summary>
    public KeyValue Kv { get; }
}
