using System.Buffers.Binary;
using System.Diagnostics;

namespace EtcdNet.Cli.Bench;

/// <summary>
/// The put side of the watch benchmarks: puts <c>prefix + index</c> with a value that starts with the put's start
/// time (a <see cref="Stopwatch"/> timestamp), so a watcher in this process can time put-to-event latency; counts
/// the events the watchers should receive.
/// </summary>
internal sealed class WatchPutOperation(byte[][] keys, int valueSize, KeyChooser chooser, int[] watchersPerKey) : BenchOperation
{
    private byte[][] _values = [];
    private long _expected;

    /// <summary>Events the watchers should receive for the puts that succeeded so far.</summary>
    public long ExpectedEvents => Interlocked.Read(ref _expected);

    public override Task PrepareAsync(IReadOnlyList<EtcdClient> connections, int workers, CancellationToken cancellationToken)
    {
        _values = [.. Enumerable.Range(0, workers).Select(_ => BenchKeys.RandomValue(Math.Max(sizeof(long), valueSize), new Random(7)))];
        return Task.CompletedTask;
    }

    public override async Task ExecuteAsync(EtcdClient client, int worker, long sequence, CancellationToken cancellationToken)
    {
        var index = (int)chooser.Next(worker, sequence);
        var value = _values[worker];
        BinaryPrimitives.WriteInt64LittleEndian(value, Stopwatch.GetTimestamp());
        await client.PutAsync(keys[index], value, null, cancellationToken);
        Interlocked.Add(ref _expected, watchersPerKey[index]);
    }
}
