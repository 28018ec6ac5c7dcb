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

    public Watcher(WatchCreateRequest template, WatchOptions options)
    {
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

    /// <summary>The create request without its start revision, which changes on every resume.</summary>
    public WatchCreateRequest Template { get; }

    public WatchOptions Options { get; }

    /// <summary>The revision to resume from: everything before it was buffered for the user. 0 = from now.</summary>
    public long NextRevision { get; set; }

    /// <summary>The watch's ID on the current stream, or null when it has none there.</summary>
    public long? ServerId { get; set; }

    public bool CreatedDelivered { get; set; }

    /// <summary>True while the server-side watch is stopped because the buffer filled up.</summary>
    public bool Overflowed { get; set; }

    /// <summary>True once the user is done with the watch (or it failed): nothing more is delivered.</summary>
    public bool Closed { get; private set; }

    /// <summary>Events of a revision the server split into fragments, collected until the last fragment.</summary>
    public List<Protocol.Mvcc.Event>? Fragments { get; set; }

    public ChannelReader<WatchResponse> Reader => _buffer.Reader;

    /// <summary>True when the consumer has drained half the buffer after an overflow: time to re-create the watch.</summary>
    public bool CanResumeAfterOverflow => Overflowed && !Closed && _buffer.Reader.Count <= _capacity / 2;

    public WatchCreateRequest CreateRequest()
    {
        var request = Template.Clone();
        request.StartRevision = NextRevision;
        return request;
    }

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
