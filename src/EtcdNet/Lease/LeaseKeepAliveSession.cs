using System.Threading.Channels;
using EtcdNet.Protocol.Rpc;
using EtcdNet.Transport;

namespace EtcdNet.Lease;

/// <summary>
/// One LeaseKeepAlive stream of the shared keep-alive: the duplex call, a queue of lease IDs to renew
/// drained by a single writer (so a write blocked by a dead peer never blocks the scheduler), and
/// when it last answered. <see cref="LastResponseAt"/> is read and written under the manager's lock.
/// </summary>
internal sealed class LeaseKeepAliveSession : IAsyncDisposable
{
    /// <summary>The most renewals written at once (about 16 KB, one HTTP/2 frame's worth).</summary>
    private const int MaxBatch = 1024;

    private readonly Channel<long> _pending = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _cts;
    private Task _writer = Task.CompletedTask;
    private Task _cancelled = Task.CompletedTask;
    private int _end;

    public LeaseKeepAliveSession(ICallTransport transport, GrpcEndpoint endpoint, int endpointIndex, CallHeaders headers, TimeSpan openedAt, CancellationToken shutdown)
    {
        _cts = CancellationTokenSource.CreateLinkedTokenSource(shutdown);
        EndpointIndex = endpointIndex;
        LastResponseAt = openedAt;
        try
        {
            Call = transport.StartStreaming(endpoint, LeaseMethods.KeepAlive, null, headers, _cts.Token);
        }
        catch
        {
            _cts.Dispose();
            throw;
        }
    }

    public IGrpcStreamingCall<LeaseKeepAliveRequest, Protocol.Rpc.LeaseKeepAliveResponse> Call { get; }

    /// <summary>The endpoint's index in the pool.</summary>
    public int EndpointIndex { get; }

    public string Endpoint => Call.Endpoint.Address;

    /// <summary>When the stream last delivered a response (initially: when it was opened).</summary>
    public TimeSpan LastResponseAt { get; set; }

    /// <summary>Cancelled when the client ends the stream (<see cref="Break"/>) or shuts down.</summary>
    public CancellationToken Token => _cts.Token;

    /// <summary>Why the client ended the stream, if it did.</summary>
    public SessionEnd EndReason => (SessionEnd)Volatile.Read(ref _end);

    public StreamState State => new(Up: true, LastResponseAt);

    /// <summary>Queues a renewal of lease <paramref name="id"/>; never blocks.</summary>
    public void Enqueue(long id) => _pending.Writer.TryWrite(id);

    public void StartWriter() => _writer = WriteLoopAsync();

    /// <summary>Ends the stream (the first reason given wins). Never blocks: cancellation callbacks run elsewhere.</summary>
    public void Break(SessionEnd reason)
    {
        if (Interlocked.CompareExchange(ref _end, (int)reason, (int)SessionEnd.None) == (int)SessionEnd.None)
        {
            _pending.Writer.TryComplete();
            try
            {
                _cancelled = _cts.CancelAsync();
            }
            catch (ObjectDisposedException)
            {
                // DisposeAsync finished first: the session is already torn down.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Break(SessionEnd.Shutdown);
        await _writer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await Call.DisposeAsync().ConfigureAwait(false);
        await Volatile.Read(ref _cancelled).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _cts.Dispose();
    }

    private async Task WriteLoopAsync()
    {
        // The renewals due together go out as one write and one flush; the request objects are reused.
        var requests = new List<LeaseKeepAliveRequest>();
        var batch = new List<LeaseKeepAliveRequest>();
        try
        {
            var reader = _pending.Reader;
            while (await reader.WaitToReadAsync(_cts.Token).ConfigureAwait(false))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && reader.TryRead(out var id))
                {
                    if (requests.Count == batch.Count)
                    {
                        requests.Add(new LeaseKeepAliveRequest());
                    }

                    var request = requests[batch.Count];
                    request.ID = id;
                    batch.Add(request);
                }

                await Call.WriteAsync(batch, _cts.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or GrpcCallException or ObjectDisposedException or EtcdException)
        {
            // The reader sees the call fail (a failed write aborts it) or the break; it reconnects.
            Break(SessionEnd.WriteFailed);
        }
    }
}
