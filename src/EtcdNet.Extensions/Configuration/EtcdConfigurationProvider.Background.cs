namespace EtcdNet.Extensions;

internal sealed partial class EtcdConfigurationProvider
{
    private void StartBackgroundIfNeeded()
    {
        lock (_gate)
        {
            if (_background is not null || (!_source.ReloadOnChange && _loaded) || Volatile.Read(ref _disposed) != 0)
            {
                return;
            }

            var stopping = _stopping.Token;
            _background = Task.Run(() => RunAsync(stopping), CancellationToken.None);
        }
    }

    /// <summary>
    /// Loads until a load succeeds (raising a reload), then, with ReloadOnChange, watches the prefix
    /// from the loaded revision. The library's watch itself resumes across member failures; any end
    /// it cannot recover from (compaction, a permanent error) leads to a full read and a new watch,
    /// after a backoff that doubles from RetryDelay up to MaxRetryDelay.
    /// </summary>
    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var delay = _source.RetryDelay;
        var reread = !IsLoaded();
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (reread)
                {
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    timeout.CancelAfter(_source.LoadTimeout);
                    if (Apply(await FetchAsync(timeout.Token).ConfigureAwait(false)))
                    {
                        OnReload();
                    }

                    reread = false;
                }

                if (!_source.ReloadOnChange)
                {
                    return;
                }

                delay = _source.RetryDelay;
                await WatchAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // the loop must outlive any failure, a throwing reload callback included: it re-reads after a backoff
            catch (Exception)
#pragma warning restore CA1031
            {
                reread = true;
                try
                {
                    await Task.Delay(Jittered(delay), cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _source.MaxRetryDelay.Ticks));
            }
        }
    }

    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        var options = new WatchOptions { Prefix = true, StartRevision = CurrentRevision() + 1 };
        await foreach (var response in _client.WatchAsync(_source.Prefix, options, cancellationToken).ConfigureAwait(false))
        {
            if (response.Events.Count > 0 && ApplyEvents(response.Events))
            {
                OnReload();
            }
        }

        throw new EtcdConfigurationException("The watch on the configuration prefix ended.");
    }

    /// <summary>Applies watched puts and deletes newer than the data to a copy, and swaps it in; true when the settings changed.</summary>
    private bool ApplyEvents(IReadOnlyList<WatchEvent> events)
    {
        lock (_gate)
        {
            var data = new Dictionary<string, string?>(Data, StringComparer.OrdinalIgnoreCase);
            var changed = false;
            foreach (var e in events)
            {
                if (e.Kv.ModRevision <= _revision || EtcdConfigurationKeys.ToConfigurationKey(e.Kv.KeyString, _source.Prefix) is not { } key)
                {
                    continue;
                }

                changed |= e.Type == WatchEventType.Put ? Set(data, key, EtcdConfigurationKeys.ToValue(e.Kv.Value)) : data.Remove(key);
                _revision = Math.Max(_revision, e.Kv.ModRevision);
            }

            if (changed)
            {
                Data = data;
            }

            return changed;
        }
    }

    private static bool Set(Dictionary<string, string?> data, string key, string value)
    {
        if (data.TryGetValue(key, out var old) && string.Equals(old, value, StringComparison.Ordinal))
        {
            return false;
        }

        data[key] = value;
        return true;
    }

    private bool IsLoaded()
    {
        lock (_gate)
        {
            return _loaded;
        }
    }

    private long CurrentRevision()
    {
        lock (_gate)
        {
            return _revision;
        }
    }

    private static TimeSpan Jittered(TimeSpan delay) =>
        TimeSpan.FromTicks((long)(delay.Ticks * (0.8 + (0.4 * Random.Shared.NextDouble()))));
}
