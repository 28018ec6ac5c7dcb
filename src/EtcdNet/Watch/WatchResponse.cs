namespace EtcdNet;

/// <summary>
/// A batch of events from a watch, in revision order, or a notification (created, progress).
/// Every response holds whole revisions: fragments are put back together before delivery.
/// </summary>
public sealed class WatchResponse
{
    internal WatchResponse(ResponseHeader header, IReadOnlyList<WatchEvent> events, long watchId, bool created, bool canceled, long compactRevision, string? cancelReason)
    {
        Header = header;
        Events = events;
        WatchId = watchId;
        Created = created;
        Canceled = canceled;
        CompactRevision = compactRevision;
        CancelReason = cancelReason;
    }

    /// <summary>The response header; for a progress notification, <see cref="ResponseHeader.Revision"/> is the revision the watch has reached.</summary>
    public ResponseHeader Header { get; }

    /// <summary>The events, in revision order (empty for notifications).</summary>
    public IReadOnlyList<WatchEvent> Events { get; }

    /// <summary>The watch's ID on its current stream (it may change when the watch moves to another member).</summary>
    public long WatchId { get; }

    /// <summary>True for the creation confirmation (delivered only with <see cref="WatchOptions.CreatedNotify"/>).</summary>
    public bool Created { get; }

    /// <summary>
    /// True when the server cancelled the watch. The client then ends the enumeration with an
    /// exception instead of delivering such a response, so user code sees it only in that exception.
    /// </summary>
    public bool Canceled { get; }

    /// <summary>The server's compact revision when the watch's start revision was compacted; otherwise 0.</summary>
    public long CompactRevision { get; }

    /// <summary>Why the server cancelled the watch, when it did.</summary>
    public string? CancelReason { get; }

    /// <summary>True for a progress notification: no events, not a creation or cancellation.</summary>
    public bool IsProgressNotify => Events.Count == 0 && !Created && !Canceled && CompactRevision == 0 && Header.Revision != 0;

    internal static WatchResponse From(Protocol.Rpc.WatchResponse response, IReadOnlyList<WatchEvent> events, long watchId)
        => new(ResponseHeader.From(response.Header), events, watchId, response.Created, response.Canceled, response.CompactRevision, string.IsNullOrEmpty(response.CancelReason) ? null : response.CancelReason);
}
