namespace EtcdNet;

public sealed partial class EtcdClient
{
    /// <inheritdoc />
    public Task<PutResponse> PutAsync(EtcdBytes key, EtcdBytes value, PutOptions? options = null, CancellationToken cancellationToken = default)
        => Kv.PutAsync(key, value, options, cancellationToken);

    /// <inheritdoc />
    public Task<GetResponse> GetAsync(EtcdBytes key, GetOptions? options = null, CancellationToken cancellationToken = default)
        => Kv.GetAsync(key, options, cancellationToken);

    /// <inheritdoc />
    public Task<DeleteResponse> DeleteAsync(EtcdBytes key, DeleteOptions? options = null, CancellationToken cancellationToken = default)
        => Kv.DeleteAsync(key, options, cancellationToken);

    /// <inheritdoc />
    public Task<CompactResponse> CompactAsync(long revision, bool physical = false, CancellationToken cancellationToken = default)
        => Kv.CompactAsync(revision, physical, cancellationToken);

    /// <inheritdoc />
    public Task<OpResponse> DoAsync(Op op, CancellationToken cancellationToken = default)
        => Kv.DoAsync(op, cancellationToken);

    /// <inheritdoc />
    public Txn Txn() => Kv.Txn();
}
