namespace EtcdNet.Cli.Bench;

/// <summary>txn-put: one Txn whose success branch puts <c>txnOps</c> distinct keys from the key space.</summary>
internal sealed class TxnPutOperation(int keySize, byte[] value, int txnOps, KeyChooser keys) : BenchOperation
{
    private byte[][][] _keys = [];

    public override Task PrepareAsync(IReadOnlyList<EtcdClient> connections, int workers, CancellationToken cancellationToken)
    {
        _keys = [.. Enumerable.Range(0, workers).Select(_ => Enumerable.Range(0, txnOps).Select(_ => new byte[keySize]).ToArray())];
        return Task.CompletedTask;
    }

    public override Task ExecuteAsync(EtcdClient client, int worker, long sequence, CancellationToken cancellationToken)
    {
        var buffers = _keys[worker];
        var ops = new Op[buffers.Length];
        var first = keys.Next(worker, sequence * buffers.Length);
        for (var i = 0; i < buffers.Length; i++)
        {
            // Consecutive indexes from the chosen one: keys in one txn must differ.
            BenchKeys.Write(buffers[i], (first + i) % keys.KeySpace);
            ops[i] = Op.Put(buffers[i], value);
        }

        return client.Txn().Then(ops).CommitAsync(cancellationToken);
    }
}
