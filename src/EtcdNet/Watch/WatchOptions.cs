namespace EtcdNet;

/// <summary>
/// Options of a watch. By default a watch follows one key from now on. Set at most one of
/// <see cref="Prefix"/>, <see cref="RangeEnd"/> and <see cref="FromKey"/>.
/// </summary>
public sealed record WatchOptions
{
    /// <summary>The default <see cref="BufferSize"/>: 256 responses.</summary>
    public const int DefaultBufferSize = 256;

    /// <summary>Watch every key that starts with the given key.</summary>
    public bool Prefix { get; init; }

    /// <summary>Watch the keys in [key, RangeEnd).</summary>
    public EtcdBytes? RangeEnd { get; init; }

    /// <summary>Watch every key greater than or equal to the given key.</summary>
    public bool FromKey { get; init; }

    /// <summary>
    /// The first revision to deliver (inclusive); 0 (the default) means "from now". A revision that
    /// has been compacted ends the watch with <see cref="EtcdCompactedException"/>.
    /// </summary>
    public long StartRevision { get; init; }

    /// <summary>Ask the server for periodic progress notifications (responses with no events, <see cref="WatchResponse.IsProgressNotify"/>) while the watch is idle.</summary>
    public bool ProgressNotify { get; init; }

    /// <summary>Do not deliver put events.</summary>
    public bool NoPut { get; init; }

    /// <summary>Do not deliver delete events.</summary>
    public bool NoDelete { get; init; }

    /// <summary>Deliver each event with the key-value as it was before the event (<see cref="WatchEvent.PrevKv"/>).</summary>
    public bool PrevKv { get; init; }

    /// <summary>A watch ID to use on the stream instead of one chosen by the server; 0 (the default) lets the server choose.</summary>
    public long WatchId { get; init; }

    /// <summary>
    /// Let the server split revisions too large for one message into fragments. The client puts
    /// fragments back together: every delivered response holds whole revisions.
    /// </summary>
    public bool Fragment { get; init; }

    /// <summary>Deliver the server's confirmation that the watch was created, as a first response with <see cref="WatchResponse.Created"/> set.</summary>
    public bool CreatedNotify { get; init; }

    /// <summary>
    /// Only watch through members that have a leader: a member that loses its leader ends the stream
    /// (etcd does so after about three election timeouts) and the watch moves to another member. When
    /// every endpoint has answered that it has no leader, and none has had one for 3 s since (longer
    /// than an election), the watch ends with <see cref="EtcdNoLeaderException"/>. Such watches share
    /// a separate stream.
    /// </summary>
    public bool RequireLeader { get; init; }

    /// <summary>
    /// How many responses may wait for a slow consumer. When the buffer is full the client stops
    /// the server-side watch and, once the consumer has caught up to half the buffer, re-creates it
    /// from the revision after the last buffered event: memory stays bounded and no event is lost
    /// (unless that history is compacted meanwhile, which ends the watch with
    /// <see cref="EtcdCompactedException"/>). Default: <see cref="DefaultBufferSize"/>.
    /// </summary>
    public int BufferSize { get; init; } = DefaultBufferSize;
}
