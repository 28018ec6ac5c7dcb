using System.Buffers;
using System.Diagnostics;
using System.Net.Sockets;
using System.Threading.Channels;

namespace EtcdNet.Testing.Internal;

/// <summary>
/// One connection through a <see cref="TcpFaultProxy"/>: two pumps (client to server, server to client), each a
/// reader that stamps chunks with their arrival time and a writer that applies the direction's current fault to
/// every chunk before delivering it.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "RunAsync disposes its token source when the connection ends.")]
internal sealed class ProxyConnection
{
    private const int ChunkSize = 16 * 1024;
    private const int ChunksInFlight = 64; // per direction: then the reader stops and TCP pushes back on the sender

    private readonly TcpFaultProxy _proxy;
    private readonly Socket _client;
    private readonly Socket _server;
    private readonly CancellationTokenSource _cancel = new();
    private int _reset;

    public ProxyConnection(TcpFaultProxy proxy, Socket client, Socket server, string? origin)
    {
        _proxy = proxy;
        _client = client;
        _server = server;
        Origin = origin;
    }

    /// <summary>Where the connection comes from (for example, an etcd member's name), or null when unknown.</summary>
    public string? Origin { get; }

    /// <summary>Pumps both ways until both ends closed or the connection was reset.</summary>
    public async Task RunAsync()
    {
        try
        {
            await Task.WhenAll(
                PumpAsync(_client, _server, FaultDirection.ToServer),
                PumpAsync(_server, _client, FaultDirection.ToClient)).ConfigureAwait(false);
            _client.Dispose();
            _server.Dispose();
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or ObjectDisposedException or ChannelClosedException)
        {
            Reset(); // one side failed: the other sees it as a reset, as through a real middlebox
        }
        finally
        {
            _proxy.Remove(this);
            _cancel.Dispose();
        }
    }

    /// <summary>Resets both sockets (TCP RST) and stops the pumps. Idempotent.</summary>
    public void Reset()
    {
        if (Interlocked.Exchange(ref _reset, 1) != 0)
        {
            return;
        }

        try
        {
            _cancel.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // already finished
        }

        ResetSocket(_client);
        ResetSocket(_server);
    }

    /// <summary>Closes <paramref name="socket"/> with an RST rather than a FIN.</summary>
    public static void ResetSocket(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // not connected or already closed: closing is all that is left
        }

        socket.Dispose();
    }

    private async Task PumpAsync(Socket from, Socket to, FaultDirection direction)
    {
        var chunks = Channel.CreateBounded<Chunk>(new BoundedChannelOptions(ChunksInFlight) { SingleReader = true, SingleWriter = true });
        var reading = ReadAsync(from, chunks.Writer);
        var writing = WriteAsync(to, chunks.Reader, direction);
        await Task.WhenAll(reading, writing).ConfigureAwait(false);
    }

    private async Task ReadAsync(Socket from, ChannelWriter<Chunk> chunks)
    {
        var token = _cancel.Token;
        while (true)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
            int read;
            try
            {
                read = await from.ReceiveAsync(buffer.AsMemory(0, ChunkSize), SocketFlags.None, token).ConfigureAwait(false);
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(buffer);
                chunks.TryComplete();
                throw;
            }

            if (read == 0)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                chunks.TryComplete(); // the sender closed its side: pass the FIN on after the held bytes
                return;
            }

            await chunks.WriteAsync(new Chunk(buffer, read, Stopwatch.GetTimestamp()), token).ConfigureAwait(false);
        }
    }

    private async Task WriteAsync(Socket to, ChannelReader<Chunk> chunks, FaultDirection direction)
    {
        var token = _cancel.Token;
        var cutSince = -1L;
        var cutBudget = 0L;
        var lastDue = 0L;
        await foreach (var chunk in chunks.ReadAllAsync(token).ConfigureAwait(false))
        {
            try
            {
                var offset = 0;
                while (offset < chunk.Length)
                {
                    var state = _proxy.State;
                    var (fault, since) = state.For(direction);
                    if (fault.Kind == NetworkFaultKind.BlackHole || state.Blocks(Origin))
                    {
                        await state.Changed.WaitAsync(token).ConfigureAwait(false); // hold the bytes until the fault changes
                        continue;
                    }

                    if (fault.Kind == NetworkFaultKind.Latency)
                    {
                        lastDue = Math.Max(lastDue, chunk.ArrivedAt + Ticks(fault.Delay) + (long)(Random.Shared.NextDouble() * Ticks(fault.Jitter)));
                        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), lastDue);
                        if (wait > TimeSpan.Zero)
                        {
                            await Task.Delay(wait, token).ConfigureAwait(false);
                        }
                    }

                    var count = chunk.Length - offset;
                    if (fault.Kind == NetworkFaultKind.CutAfter)
                    {
                        if (since != cutSince)
                        {
                            (cutSince, cutBudget) = (since, fault.Bytes);
                        }

                        if (cutBudget == 0)
                        {
                            Reset();
                            return;
                        }

                        count = (int)Math.Min(count, cutBudget);
                        cutBudget -= count;
                    }

                    await SendAllAsync(to, chunk.Buffer.AsMemory(offset, count), token).ConfigureAwait(false);
                    offset += count;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk.Buffer);
            }
        }

        if (Volatile.Read(ref _reset) == 0)
        {
            to.Shutdown(SocketShutdown.Send);
        }
    }

    private static async Task SendAllAsync(Socket to, ReadOnlyMemory<byte> bytes, CancellationToken token)
    {
        while (!bytes.IsEmpty)
        {
            var sent = await to.SendAsync(bytes, SocketFlags.None, token).ConfigureAwait(false);
            bytes = bytes[sent..];
        }
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    private readonly record struct Chunk(byte[] Buffer, int Length, long ArrivedAt);
}
