namespace EtcdNet.Cli.Bench;

/// <summary>put: one Put of a key from the key space with a fixed random value.</summary>
internal sealed class PutOperation(int keySize, byte[] value, KeyChooser keys) : BenchOperation
{
    private byte[][] _keys = [];

    public override Task PrepareAsync(IReadOnlyList<EtcdClient> connections, int workers, CancellationToken cancellationToken)
    {
        _keys = [.. Enumerable.Range(0, workers).Select(_ => new byte[keySize])];
        return Task.CompletedTask;
    }

    public override Task ExecuteAsync(EtcdClient client, int worker, long sequence, CancellationToken cancellationToken)
    {
        var key = _keys[worker];
        BenchKeys.Write(key, keys.Next(worker, sequence));
        return client.PutAsync(key, value, null, cancellationToken);
    }
}
