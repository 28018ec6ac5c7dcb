using Microsoft.Extensions.Configuration;

namespace EtcdNet.Extensions;

/// <summary>
/// Loads the keys under a prefix as configuration, and (with <see cref="EtcdConfigurationSource.ReloadOnChange"/>
/// or an optional source whose first load failed) keeps them current from a background task. The data
/// dictionary is never changed in place: each change builds a new one and swaps it in, so readers on
/// other threads always see a whole version.
/// </summary>
internal sealed partial class EtcdConfigurationProvider : ConfigurationProvider, IDisposable
{
    // Load waits this much beyond LoadTimeout for the fetch to notice its cancellation.
    private static readonly TimeSpan CancellationGrace = TimeSpan.FromSeconds(1);

    private readonly EtcdConfigurationSource _source;
    private readonly IEtcdClient _client;
    private readonly EtcdClient? _ownClient;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private long _revision;
    private bool _loaded;
    private Task? _background;
    private int _disposed;

    public EtcdConfigurationProvider(EtcdConfigurationSource source)
    {
        _source = source;
        _client = source.Client ?? (_ownClient = new EtcdClient(source.EffectiveClientOptions()));
    }

    /// <summary>
    /// Reads every key under the prefix. <see cref="IConfigurationProvider.Load"/> is synchronous and is
    /// called by <c>ConfigurationBuilder.Build()</c> and <c>IConfigurationRoot.Reload()</c>, so this is
    /// the one place that waits for asynchronous work: the fetch runs on the thread pool (no captured
    /// synchronization context to deadlock on) and the wait is bounded by <see cref="EtcdConfigurationSource.LoadTimeout"/>.
    /// </summary>
    public override void Load()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        Exception? failure = null;
        try
        {
            Apply(FetchBlocking());
        }
        catch (Exception e) when (IsLoadFailure(e))
        {
            failure = e;
        }

        if (failure is not null && !_source.Optional)
        {
            throw new EtcdConfigurationException(
                $"Could not load the configuration under '{_source.Prefix}' from etcd ({string.Join(", ", _client.Endpoints)}): {failure.Message} (with Optional = true the configuration starts without it).",
                failure);
        }

        StartBackgroundIfNeeded();
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stopping.Cancel(); // not disposed: a Load racing this Dispose may still read its token
        _ownClient?.Dispose(); // a client given in the source belongs to the application
    }

    private EtcdConfigurationSnapshot FetchBlocking()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        timeout.CancelAfter(_source.LoadTimeout);
        var fetch = Task.Run(() => FetchAsync(timeout.Token), timeout.Token);
        bool finished;
        try
        {
            finished = fetch.Wait(_source.LoadTimeout + CancellationGrace);
        }
        catch (AggregateException)
        {
            finished = true; // the failure is rethrown unwrapped below
        }

        if (!finished)
        {
            throw new TimeoutException($"etcd did not answer within {_source.LoadTimeout}.");
        }

        try
        {
            return fetch.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested && !_stopping.IsCancellationRequested)
        {
            throw new TimeoutException($"etcd did not answer within {_source.LoadTimeout}.", e);
        }
    }

    private async Task<EtcdConfigurationSnapshot> FetchAsync(CancellationToken cancellationToken)
    {
        var response = await _client.GetAsync(_source.Prefix, new GetOptions { Prefix = true }, cancellationToken).ConfigureAwait(false);
        var data = NewData();
        foreach (var kv in response.Kvs)
        {
            if (EtcdConfigurationKeys.ToConfigurationKey(kv.KeyString, _source.Prefix) is { } key)
            {
                data[key] = EtcdConfigurationKeys.ToValue(kv.Value);
            }
        }

        return new EtcdConfigurationSnapshot(data, response.Header.Revision);
    }

    /// <summary>Swaps in a full read unless newer data is already in place; true when the settings changed.</summary>
    private bool Apply(EtcdConfigurationSnapshot snapshot)
    {
        lock (_gate)
        {
            if (_loaded && snapshot.Revision < _revision)
            {
                return false;
            }

            var changed = !_loaded || !SameData(Data, snapshot.Data);
            _loaded = true;
            _revision = snapshot.Revision;
            Data = snapshot.Data;
            return changed;
        }
    }

    private static Dictionary<string, string?> NewData() => new(StringComparer.OrdinalIgnoreCase);

    private static bool SameData(IDictionary<string, string?> current, Dictionary<string, string?> next) =>
        current.Count == next.Count
        && current.All(pair => next.TryGetValue(pair.Key, out var value) && string.Equals(value, pair.Value, StringComparison.Ordinal));

    private static bool IsLoadFailure(Exception e) =>
        e is EtcdException or TimeoutException or OperationCanceledException or HttpRequestException;
}
