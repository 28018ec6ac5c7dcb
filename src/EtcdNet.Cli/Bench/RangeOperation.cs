namespace EtcdNet.Cli.Bench;

/// <summary>range: one Get of a key or of [key, end), linearizable or serializable.</summary>
internal sealed class RangeOperation(string key, string? end, bool serializable) : BenchOperation
{
    private readonly EtcdBytes _key = key;
    private readonly GetOptions _options = new() { RangeEnd = end is null ? (EtcdBytes?)null : (EtcdBytes)end, Serializable = serializable };

    public override Task ExecuteAsync(EtcdClient client, int worker, long sequence, CancellationToken cancellationToken)
        => client.GetAsync(_key, _options, cancellationToken);
}
