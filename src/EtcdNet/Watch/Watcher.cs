using System.Threading.Channels;
using EtcdNet.Protocol.Rpc;

namespace EtcdNet.Watch;

/// <summary>
/// One user watch: what to watch, where to resume, and the bounded buffer the user reads from.
/// Its mutable fields are guarded by the owning <see cref="WatchStream"/>'s lock.
/// </summary>
internal sealed class Watcher
{
    private readonly Channel<WatchResponse> _buffer;
    private readonly int _capacity;

    public Watcher(WatchCreateRequest template, WatchOptions options, Namespace.KeyPrefix? prefix = null)
    {
        prefix?.Apply(template);
        Prefix = prefix;
        Template = template;
        Options = options;
        NextRevision = options.StartRevision;
        _capacity = options.BufferSize;
        _buffer = Channel.CreateBounded<WatchResponse>(new BoundedChannelOptions(options.BufferSize)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait, // TryWrite fails when full; the stream then pauses this watch
        });
    }

    /// <summary>The namespace whose prefix is added to the watched range and stripped from events, if any.</summary>
    public Namespace.KeyPrefix? Prefix { get; }

    /// <summary>The create request without its start revision, which changes on every resume.</summary>
    public WatchCreateRequest Template { get; }

    public WatchOptions Options { get; }

    /// <summary>The revision to resume from: everything before it was buffered for the user. 0 = from now.</summary>
    public long NextRevision { get; set; }

    /// <summary>The watch's ID on the current stream, or null when it has none there.</summary>
    public long? ServerId { get; set; }

    public bool CreatedDelivered { get; set; }

    private volatile bool _overflowed;

    /// <summary>True while the server-side watch is stopped because the buffer filled up (read by the consumer without the lock).</summary>
    public bool Overflowed
    {
        get => _overflowed;
        set => _overflowed = value;
    }

    /// <summary>The stream generation this watch was last created on; a user-chosen ID is sent only on the first create per stream.</summary>
    public int CreatedOnGeneration { get; set; } = -1;

    /// <summary>Since when its create has been waiting for a reply (a timestamp of the client's TimeProvider), or 0.</summary>
    public long CreateSentAt { get; set; }

    /// <summary>True once the user is done with the watch (or it failed): nothing more is delivered.</summary>
    public bool Closed { get; private set; }

    /// <summary>Events of a revision the server split into fragments, collected until the last fragment.</summary>
    public List<Protocol.Mvcc.Event>? Fragments { get; set; }

    public ChannelReader<WatchResponse> Reader => _buffer.Reader;

    /// <summary>True when the consumer has drained half the buffer after an overflow: time to re-create the watch.</summary>
    public bool CanResumeAfterOverflow => Overflowed && !Closed && _buffer.Reader.Count <= _capacity / 2;

    /// <summary>
    /// The create request for the current resume point. A user-chosen watch ID goes on the wire only on
    /// the watch's first create on a stream: the server may still flush events of the cancelled watch
    /// under that ID, so a re-create on the same stream lets the server choose a fresh one.
    /// </summary>
    public WatchCreateRequest CreateRequest(int generation)
    {
        var request = Template.Clone();
        request.StartRevision = NextRevision;
        if (CreatedOnGeneration == generation)
        {
            request.WatchId = 0;
        }

        CreatedOnGeneration = generation;
        return request;
    }

    /// <summary>The watch ID to report to the user: the one they chose, or the server's.</summary>
    public long ReportedId(long serverId) => Options.WatchId != 0 ? Options.WatchId : serverId;

    /// <summary>Buffers a response for the user; false when the buffer is full.</summary>
    public bool TryDeliver(WatchResponse response) => !Closed && _buffer.Writer.TryWrite(response);

    /// <summary>Ends the user's enumeration, with <paramref name="error"/> after the buffered responses, or normally.</summary>
    public void Close(Exception? error = null)
    {
        if (!Closed)
        {
            Closed = true;
            _buffer.Writer.TryComplete(error);
        }
    }
}
