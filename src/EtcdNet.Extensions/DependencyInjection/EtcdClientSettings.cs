namespace EtcdNet.Extensions;

/// <summary>
/// The settings of an <see cref="EtcdClient"/> as they are bound from configuration (for example the
/// section <c>Etcd</c> of <c>appsettings.json</c>). Every property left null keeps the default of
/// <see cref="EtcdClientOptions"/>; <see cref="ToOptions"/> makes the client's options from them.
/// </summary>
public sealed class EtcdClientSettings
{
    /// <summary>The etcd client URLs (<c>http://host:port</c>, <c>https://host:port</c> or <c>host:port</c>). Required: at least one.</summary>
    public IList<string> Endpoints { get; } = [];

    /// <summary>See <see cref="EtcdClientOptions.DialTimeout"/>. Default: null (5 s).</summary>
    public TimeSpan? DialTimeout { get; set; }

    /// <summary>See <see cref="EtcdClientOptions.RequestTimeout"/>. Default: null (30 s).</summary>
    public TimeSpan? RequestTimeout { get; set; }

    /// <summary>See <see cref="EtcdClientOptions.KeepAliveTime"/>. Default: null (10 s).</summary>
    public TimeSpan? KeepAliveTime { get; set; }

    /// <summary>See <see cref="EtcdClientOptions.KeepAliveTimeout"/>. Default: null (5 s).</summary>
    public TimeSpan? KeepAliveTimeout { get; set; }

    /// <summary>See <see cref="EtcdClientOptions.MaxSendMessageSize"/>. Default: null (2 MiB).</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>See <see cref="EtcdClientOptions.MaxReceiveMessageSize"/>. Default: null (unlimited).</summary>
    public int? MaxReceiveMessageSize { get; set; }

    /// <summary>See <see cref="EtcdClientOptions.MaxAttempts"/>; when set, it wins over <c>Retry:MaxAttempts</c>. Default: null (10).</summary>
    public int? MaxAttempts { get; set; }

    /// <summary>See <see cref="EtcdClientOptions.Retry"/>: attempts and backoffs (docs/resilience.md). Default: null (the defaults).</summary>
    public EtcdRetryOptions? Retry { get; set; }

    /// <summary>See <see cref="EtcdClientOptions.AutoSyncInterval"/>. Default: null (off).</summary>
    public TimeSpan? AutoSyncInterval { get; set; }

    /// <summary>See <see cref="EtcdClientOptions.WatchCheckInterval"/>; <see cref="TimeSpan.Zero"/> turns the check off. Default: null (1 s).</summary>
    public TimeSpan? WatchCheckInterval { get; set; }

    /// <summary>See <see cref="EtcdClientOptions.DefaultTtl"/>. Default: null (no TTL).</summary>
    public TimeSpan? DefaultTtl { get; set; }

    /// <summary>See <see cref="EtcdClientOptions.Namespace"/>. Default: null (no namespace).</summary>
    public string? Namespace { get; set; }

    /// <summary>See <see cref="EtcdClientOptions.Username"/>; set with <see cref="Password"/>. Default: null.</summary>
    public string? Username { get; set; }

    /// <summary>See <see cref="EtcdClientOptions.Password"/>. Default: null.</summary>
    public string? Password { get; set; }

    /// <summary>TLS settings for <c>https://</c> endpoints. Default: null (the system trust store).</summary>
    public EtcdTlsSettings? Tls { get; set; }

    /// <summary>Makes the client options: the defaults of <see cref="EtcdClientOptions"/> with every setting that is set applied.</summary>
    /// <returns>The options.</returns>
    /// <exception cref="FileNotFoundException">A TLS file does not exist.</exception>
    public EtcdClientOptions ToOptions() => ToOptionsWithoutTls() with { Tls = Tls?.ToOptions() };

    /// <summary>The options without TLS (whose certificates come from files, read by <see cref="ToOptions"/>).</summary>
    internal EtcdClientOptions ToOptionsWithoutTls()
    {
        var defaults = new EtcdClientOptions();
        return defaults with
        {
            Endpoints = [.. Endpoints],
            DialTimeout = DialTimeout ?? defaults.DialTimeout,
            RequestTimeout = RequestTimeout ?? defaults.RequestTimeout,
            KeepAliveTime = KeepAliveTime ?? defaults.KeepAliveTime,
            KeepAliveTimeout = KeepAliveTimeout ?? defaults.KeepAliveTimeout,
            MaxSendMessageSize = MaxSendMessageSize ?? defaults.MaxSendMessageSize,
            MaxReceiveMessageSize = MaxReceiveMessageSize ?? defaults.MaxReceiveMessageSize,
            Retry = (Retry ?? defaults.Retry) is var retry && MaxAttempts is { } attempts ? retry with { MaxAttempts = attempts } : retry,
            AutoSyncInterval = AutoSyncInterval,
            WatchCheckInterval = WatchCheckInterval is { } watchCheck ? (watchCheck == TimeSpan.Zero ? null : watchCheck) : defaults.WatchCheckInterval,
            DefaultTtl = DefaultTtl,
            Namespace = Namespace,
            Username = Username,
            Password = Password,
        };
    }
}
