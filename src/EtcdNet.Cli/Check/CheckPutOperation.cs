using EtcdNet.Cli.Bench;

namespace EtcdNet.Cli.Check;

/// <summary>
/// The put of the check commands: a random key under the prefix (the prefix, then <paramref name="keySize"/> bytes
/// holding the zig-zag varint of a random non-negative 63-bit number, zero-padded) with a value of
/// <paramref name="valueSize"/> zero bytes, as etcdctl writes them.
/// </summary>
internal sealed class CheckPutOperation(string prefix, int keySize, int valueSize) : BenchOperation
{
    private readonly byte[] _prefix = System.Text.Encoding.UTF8.GetBytes(prefix);
    private readonly byte[] _value = new byte[valueSize];
    private byte[][] _keys = [];

    public override Task PrepareAsync(IReadOnlyList<EtcdClient> connections, int workers, CancellationToken cancellationToken)
    {
        _keys = [.. Enumerable.Range(0, workers).Select(_ => NewKey())];
        return Task.CompletedTask;
    }

    public override Task ExecuteAsync(EtcdClient client, int worker, long sequence, CancellationToken cancellationToken)
    {
        var key = _keys[worker];
        BenchKeys.Write(key.AsSpan(_prefix.Length), Random.Shared.NextInt64(long.MaxValue));
        return client.PutAsync(key, _value, null, cancellationToken);
    }

    private byte[] NewKey()
    {
        var key = new byte[_prefix.Length + keySize];
        _prefix.CopyTo(key, 0);
        return key;
    }
}
