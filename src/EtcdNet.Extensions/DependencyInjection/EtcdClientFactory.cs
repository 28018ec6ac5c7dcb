using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EtcdNet.Extensions;

/// <summary>Creates one client per registered name on first use and disposes them all with the container.</summary>
internal sealed class EtcdClientFactory(IOptionsMonitor<EtcdClientSettings> settings, IEnumerable<EtcdClientRegistration> registrations, IEnumerable<ILoggerFactory> loggerFactories)
    : IEtcdClientFactory, IAsyncDisposable, IDisposable
{
    private readonly HashSet<string> _names = registrations.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<EtcdClient>> _clients = new(StringComparer.Ordinal);
    private volatile bool _disposed;

    public EtcdClient Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_names.Contains(name))
        {
            throw new InvalidOperationException(name.Length == 0
                ? "No unnamed etcd client is registered: call services.AddEtcdClient(section)."
                : $"No etcd client named '{name}' is registered: call services.AddEtcdClient(\"{name}\", section).");
        }

        var lazy = _clients.GetOrAdd(name, n => new Lazy<EtcdClient>(() => new EtcdClient(WithHostLogging(settings.Get(n).ToOptions()))));
        EtcdClient client;
        try
        {
            client = lazy.Value;
        }
        catch
        {
            // Not cached: a later call tries again (a TLS file may appear, a setting be fixed by a reload).
            _clients.TryRemove(KeyValuePair.Create(name, lazy));
            throw;
        }

        if (_disposed)
        {
            // Created while the container was being disposed, possibly after the clients were collected.
            client.Dispose();
            throw new ObjectDisposedException(GetType().FullName);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        foreach (var client in CreatedClients())
        {
            await client.DisposeAsync().ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        foreach (var client in CreatedClients())
        {
            client.Dispose();
        }
    }

    private List<EtcdClient> CreatedClients()
    {
        var created = new List<EtcdClient>();
        foreach (var lazy in _clients.Values)
        {
            if (lazy.IsValueCreated)
            {
                created.Add(lazy.Value);
            }
        }

        return created;
    }

    // The host's logging, unless the settings were given a logger factory of their own.
    private EtcdClientOptions WithHostLogging(EtcdClientOptions options)
        => options.LoggerFactory is null or NullLoggerFactory && loggerFactories.FirstOrDefault() is { } host ? options with { LoggerFactory = host } : options;
}
