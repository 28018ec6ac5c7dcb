namespace EtcdNet.Concurrency;

/// <summary>
/// The <see cref="IStm"/> of one <see cref="Stm.RunAsync"/> call: the read set, the write set, and the
/// commit of one attempt. In the snapshot levels the reads after the first are taken at the first read's
/// revision, and a failed commit fetches fresh values of the read keys (its Else branch), which the next
/// attempt uses without another round trip.
/// </summary>
internal sealed class StmTransaction : IStm
{
    private readonly IEtcdClient _client;
    private readonly StmIsolation _isolation;
    private readonly Dictionary<string, StmRead> _reads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StmWrite> _writes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StmRead> _refreshed = new(StringComparer.Ordinal);
    private long _snapshotRevision;

    public StmTransaction(IEtcdClient client, StmIsolation isolation)
    {
        _client = client;
        _isolation = isolation;
    }

    /// <summary>The reads of this attempt.</summary>
    public IReadOnlyDictionary<string, StmRead> Reads => _reads;

    /// <summary>The buffered writes of this attempt.</summary>
    public IReadOnlyDictionary<string, StmWrite> Writes => _writes;

    private bool UsesSnapshot => StmConflicts.UsesSnapshot(_isolation);

    /// <summary>Forgets the reads and writes of the previous attempt (keeping the values refreshed by its failed commit).</summary>
    public void Reset()
    {
        _reads.Clear();
        _writes.Clear();
        _snapshotRevision = 0;
    }

    /// <inheritdoc />
    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken = default)
        => await GetBytesAsync(key, cancellationToken).ConfigureAwait(false) is { } value ? value.ToString() : null;

    /// <inheritdoc />
    public async Task<EtcdBytes?> GetBytesAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_writes.TryGetValue(key, out var write))
        {
            return write.Value;
        }

        var read = await ReadAsync(key, cancellationToken).ConfigureAwait(false);
        return read.Value;
    }

    /// <inheritdoc />
    public void Put(string key, EtcdBytes value, long lease = 0)
    {
        ArgumentNullException.ThrowIfNull(key);
        _writes[key] = new StmWrite(value, lease);
    }

    /// <inheritdoc />
    public void Delete(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _writes[key] = new StmWrite(null, 0);
    }

    /// <inheritdoc />
    public long Revision(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _reads.TryGetValue(key, out var read)
            ? read.ModRevision
            : throw new InvalidOperationException($"The key '{key}' was not read in this attempt; use RevisionAsync to read it first.");
    }

    /// <inheritdoc />
    public async Task<long> RevisionAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var read = await ReadAsync(key, cancellationToken).ConfigureAwait(false);
        return read.ModRevision;
    }

    /// <summary>Reads every key not read yet in this attempt, those not already known in one round trip.</summary>
    public async Task PrefetchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var missing = new List<string>(keys.Count);
        foreach (var key in keys)
        {
            if (!_reads.ContainsKey(key) && !TryUseRefreshed(key, out _) && !missing.Contains(key))
            {
                missing.Add(key);
            }
        }

        if (missing.Count == 1)
        {
            await ReadAsync(missing[0], cancellationToken).ConfigureAwait(false);
        }
        else if (missing.Count > 1)
        {
            var options = ReadOptions();
            var ops = missing.Select(key => Op.Get(key, options)).ToArray();
            var response = await _client.Txn().Then(ops).CommitAsync(cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < missing.Count; i++)
            {
                Record(missing[i], StmRead.From(response.Responses[i].Get!, response.Header.Revision));
            }
        }
    }

    /// <summary>
    /// Sends the writes in one transaction guarded by the isolation's conditions.
    /// </summary>
    /// <returns>The response when the writes were applied; null on a conflict (the attempt must be re-run).</returns>
    public async Task<TxnResponse?> CommitAsync(CancellationToken cancellationToken)
    {
        var conditions = StmConflicts.For(_isolation, _reads, _writes.Keys);
        var txn = _client.Txn()
            .If(conditions.Select(c => c.ToCompare()).ToArray())
            .Then(_writes.Select(w => w.Value.ToOp(w.Key)).ToArray());
        var readKeys = UsesSnapshot ? _reads.Keys.ToArray() : [];
        if (readKeys.Length > 0)
        {
            txn.Else(readKeys.Select(key => Op.Get(key)).ToArray());
        }

        var response = await txn.CommitAsync(cancellationToken).ConfigureAwait(false);
        if (response.Succeeded)
        {
            return response;
        }

        for (var i = 0; i < readKeys.Length; i++)
        {
            _refreshed[readKeys[i]] = StmRead.From(response.Responses[i].Get!, response.Header.Revision);
        }

        return null;
    }

    private async Task<StmRead> ReadAsync(string key, CancellationToken cancellationToken)
    {
        if (_reads.TryGetValue(key, out var read) || TryUseRefreshed(key, out read))
        {
            return read;
        }

        var response = await _client.GetAsync(key, ReadOptions(), cancellationToken).ConfigureAwait(false);
        read = StmRead.From(response, 0);
        Record(key, read);
        return read;
    }

    private bool TryUseRefreshed(string key, out StmRead read)
    {
        if (UsesSnapshot && _refreshed.Remove(key, out read))
        {
            Record(key, read);
            return true;
        }

        read = default;
        return false;
    }

    private void Record(string key, StmRead read)
    {
        _reads[key] = read;
        if (UsesSnapshot && _snapshotRevision == 0)
        {
            _snapshotRevision = read.HeaderRevision;
        }
    }

    private GetOptions? ReadOptions()
    {
        if (!UsesSnapshot)
        {
            return new GetOptions { Serializable = true };
        }

        return _snapshotRevision == 0 ? null : new GetOptions { Revision = _snapshotRevision, Serializable = true };
    }
}
