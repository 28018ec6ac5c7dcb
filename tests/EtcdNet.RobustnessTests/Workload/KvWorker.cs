using EtcdNet.RobustnessTests.Checking;

namespace EtcdNet.RobustnessTests.Workload;

/// <summary>
/// One sequential KV requester: puts, linearizable and serializable gets, deletes, compare-and-swap txns and two-key
/// txns on a few keys that change every epoch, each recorded with its outcome.
/// </summary>
public sealed class KvWorker(int clientId, EtcdClient client, History history, RunOptions options, Random random, long runStart)
{
    /// <summary>Every key of the KV workload starts with this.</summary>
    public const string KeyPrefix = "r/e";

    private readonly Dictionary<string, KeyState?> _known = new(StringComparer.Ordinal); // what this worker last saw of each key

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var epoch = (long)(System.Diagnostics.Stopwatch.GetElapsedTime(runStart) / options.KeyEpoch);
            var keys = new[] { $"{KeyPrefix}{epoch}/k0", $"{KeyPrefix}{epoch}/k1", $"{KeyPrefix}{epoch}/k2", $"{KeyPrefix}{epoch}/a", $"{KeyPrefix}{epoch}/b" };
            var key = keys[random.Next(keys.Length)];
            var roll = random.Next(100);
            if (roll < 25)
            {
                await PutAsync(key, cancellationToken);
            }
            else if (roll < 45)
            {
                await GetAsync(key, cancellationToken);
            }
            else if (roll < 55)
            {
                await SerializableGetAsync(key, cancellationToken);
            }
            else if (roll < 65)
            {
                await DeleteAsync(key, cancellationToken);
            }
            else if (roll < 85)
            {
                await CompareAndSwapAsync(key, cancellationToken);
            }
            else
            {
                await TransferAsync(keys[3], keys[4], cancellationToken);
            }

            await Task.Delay(random.Next(2, 15), CancellationToken.None);
        }
    }

    private Task PutAsync(string key, CancellationToken token)
    {
        var input = new PutInput(key, history.UniqueValue(clientId));
        return RecordAsync(input, async () =>
        {
            var put = await client.PutAsync(key, input.Value, cancellationToken: token);
            return new KvOutput(put.Header.Revision);
        });
    }

    private Task GetAsync(string key, CancellationToken token) => RecordAsync(new GetInput(key), async () =>
    {
        var get = await client.GetAsync(key, cancellationToken: token);
        var value = KeyState.From(get.Kvs.FirstKv());
        _known[key] = value;
        return new KvOutput(get.Header.Revision, Reads: [value]);
    });

    private async Task SerializableGetAsync(string key, CancellationToken token)
    {
        if (options.Broken == BrokenMode.SerializableAsLinearizable)
        {
            await RecordAsync(new GetInput(key), async () =>
            {
                var stale = await client.GetAsync(key, new GetOptions { Serializable = true }, token);
                return new KvOutput(stale.Header.Revision, Reads: [KeyState.From(stale.Kvs.FirstKv())]);
            });
            return;
        }

        try
        {
            var get = await client.GetAsync(key, new GetOptions { Serializable = true }, token);
            history.Add(new SerializableRead(clientId, key, get.Header.Revision, KeyState.From(get.Kvs.FirstKv()), History.Now));
        }
        catch (Exception e) when (e is EtcdException or TimeoutException or OperationCanceledException)
        {
            // a failed read has no effect
        }
    }

    private Task DeleteAsync(string key, CancellationToken token) => RecordAsync(new DeleteInput(key), async () =>
    {
        var delete = await client.DeleteAsync(key, cancellationToken: token);
        return new KvOutput(delete.Header.Revision, Succeeded: delete.Deleted > 0);
    });

    private Task CompareAndSwapAsync(string key, CancellationToken token)
    {
        var input = new CasInput(key, _known.GetValueOrDefault(key)?.ModRevision ?? 0, history.UniqueValue(clientId));
        return RecordAsync(input, async () =>
        {
            var txn = await client.Txn()
                .If(Compare.ModRevision(key, CompareOp.Equal, input.ExpectedModRevision))
                .Then(Op.Put(key, input.Value))
                .Else(Op.Get(key))
                .CommitAsync(token);
            if (txn.Succeeded)
            {
                return new KvOutput(txn.Header.Revision);
            }

            var value = KeyState.From(txn.Responses[0].Get!.Kvs.FirstKv());
            _known[key] = value;
            return new KvOutput(txn.Header.Revision, Succeeded: false, Reads: [value]);
        });
    }

    private Task TransferAsync(string a, string b, CancellationToken token)
    {
        var input = new TransferInput(a, _known.GetValueOrDefault(a)?.Value ?? "none", b, _known.GetValueOrDefault(b)?.Value ?? "none", history.UniqueValue(clientId), history.UniqueValue(clientId));
        return RecordAsync(input, async () =>
        {
            var txn = await client.Txn()
                .If(Compare.Value(a, CompareOp.Equal, input.ExpectA), Compare.Value(b, CompareOp.Equal, input.ExpectB))
                .Then(Op.Put(a, input.NewA), Op.Put(b, input.NewB))
                .Else(Op.Get(a), Op.Get(b))
                .CommitAsync(token);
            if (txn.Succeeded)
            {
                return new KvOutput(txn.Header.Revision);
            }

            var values = txn.Responses.Select(r => KeyState.From(r.Get!.Kvs.FirstKv())).ToList();
            _known[a] = values[0];
            _known[b] = values[1];
            return new KvOutput(txn.Header.Revision, Succeeded: false, Reads: values);
        });
    }

    /// <summary>Remembers what a successful write stored (only the value and mod revision matter for later compares).</summary>
    private void Learn(KvInput input, KvOutput output)
    {
        if (!output.Succeeded)
        {
            return;
        }

        switch (input)
        {
            case PutInput put:
                _known[put.Key] = new KeyState(put.Value, 0, 0, output.Revision);
                break;
            case CasInput cas:
                _known[cas.Key] = new KeyState(cas.Value, 0, 0, output.Revision);
                break;
            case TransferInput transfer:
                _known[transfer.KeyA] = new KeyState(transfer.NewA, 0, 0, output.Revision);
                _known[transfer.KeyB] = new KeyState(transfer.NewB, 0, 0, output.Revision);
                break;
            case DeleteInput delete:
                _known[delete.Key] = null;
                break;
        }
    }

    /// <summary>Runs one operation and records it: a write that failed is unknown unless the client says it never left.</summary>
    private async Task RecordAsync(KvInput input, Func<Task<KvOutput>> operation)
    {
        var call = History.Now;
        try
        {
            var output = await operation();
            history.Add(clientId, input, call, Outcome.Ok, output);
            Learn(input, output);
        }
        catch (Exception e) when (e is EtcdException or TimeoutException or OperationCanceledException)
        {
            var certain = e is EtcdUnavailableException || !input.IsWrite;
            history.Add(clientId, input, call, certain ? Outcome.Failed : Outcome.Unknown, null, $"{e.GetType().Name}: {e.Message}");
        }
    }
}
