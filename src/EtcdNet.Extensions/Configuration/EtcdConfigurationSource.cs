using Microsoft.Extensions.Configuration;

namespace EtcdNet.Extensions;

/// <summary>
/// Configuration read from the keys under a prefix in etcd: <c>/app/Logging/LogLevel/Default</c> under
/// the prefix <c>/app/</c> becomes the setting <c>Logging:LogLevel:Default</c>. Add it with
/// <c>configurationBuilder.AddEtcd(source =&gt; ...)</c>.
/// </summary>
public sealed class EtcdConfigurationSource : IConfigurationSource
{
    /// <summary>
    /// A client to read through (an <see cref="EtcdClient"/>, or a namespace view of one), shared with the
    /// application; the provider does not dispose it. When set, <see cref="Endpoints"/> and <see cref="ClientOptions"/>
    /// are not used. Default: null, the provider makes and owns a client of its own.
    /// </summary>
    public IEtcdClient? Client { get; set; }

    /// <summary>The etcd client URLs. Required unless <see cref="ClientOptions"/> or <see cref="Client"/> is set.</summary>
    public IReadOnlyList<string> Endpoints { get; set; } = [];

    /// <summary>
    /// Full client options (TLS, authentication, timeouts) for the provider's own client; when
    /// <see cref="Endpoints"/> is not empty it replaces their endpoints. Default: null, default options.
    /// </summary>
    public EtcdClientOptions? ClientOptions { get; set; }

    /// <summary>
    /// The key prefix to load; it is removed from each key, then every <c>/</c> becomes <c>:</c>. End it
    /// with <c>/</c> (<c>/app/</c>): the prefix <c>/app</c> would also match <c>/apple/...</c>. Default: empty, every key.
    /// </summary>
    public string Prefix { get; set; } = string.Empty;

    /// <summary>
    /// When true, an unreachable etcd does not fail the build: the provider starts empty, keeps trying
    /// in the background and loads the settings (raising a reload) once etcd answers. Default: false.
    /// </summary>
    public bool Optional { get; set; }

    /// <summary>When true, the provider watches the prefix and reloads on every change (a deleted key removes its setting). Default: false.</summary>
    public bool ReloadOnChange { get; set; }

    /// <summary>How long the synchronous load during <c>Build()</c> (and each <c>Reload()</c>) may take. Default: 5 s.</summary>
    public TimeSpan LoadTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The first wait before trying again after a failed background load; it doubles up to <see cref="MaxRetryDelay"/>. Default: 500 ms.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between background load attempts. Default: 30 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    public IConfigurationProvider Build(IConfigurationBuilder builder)
    {
        Validate();
        return new EtcdConfigurationProvider(this);
    }

    /// <summary>The client options the provider uses.</summary>
    internal EtcdClientOptions EffectiveClientOptions()
    {
        var options = ClientOptions ?? new EtcdClientOptions();
        return Endpoints is { Count: > 0 } ? options with { Endpoints = [.. Endpoints] } : options;
    }

    private void Validate()
    {
        if (Endpoints is not { Count: > 0 } && ClientOptions is null && Client is null)
        {
            throw new ArgumentException("Set EtcdConfigurationSource.Endpoints (or ClientOptions, or Client).", nameof(Endpoints));
        }

        ArgumentNullException.ThrowIfNull(Prefix, nameof(Prefix));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(LoadTimeout, TimeSpan.Zero, nameof(LoadTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RetryDelay, TimeSpan.Zero, nameof(RetryDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRetryDelay, RetryDelay, nameof(MaxRetryDelay));
    }
}
