namespace EtcdNet;

/// <summary>Settings of an <see cref="EtcdClient"/>. Every property has a documented default.</summary>
public sealed partial record EtcdClientOptions
{
    /// <summary>The default send limit: 2 MiB (etcd itself rejects requests over 1.5 MiB by default).</summary>
    public const int DefaultMaxSendMessageSize = 2 * 1024 * 1024;

    /// <summary>The smallest keep-alive interval: etcd closes connections that ping more often than every 5 s.</summary>
    public static readonly TimeSpan MinKeepAliveTime = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The etcd client URLs: <c>http://host:port</c> (plain text), <c>https://host:port</c> (TLS) or
    /// <c>host:port</c> (plain text). Default: <c>http://127.0.0.1:2379</c>.
    /// </summary>
    public IReadOnlyList<string> Endpoints { get; init; } = ["http://127.0.0.1:2379"];

    /// <summary>How long connecting to one endpoint may take before it counts as unreachable. Default: 5 s.</summary>
    public TimeSpan DialTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The deadline of each unary call, retries included, sent to etcd as <c>grpc-timeout</c>; when it
    /// passes the call fails with <see cref="EtcdTimeoutException"/>. Default: 30 s.
    /// <see cref="Timeout.InfiniteTimeSpan"/> disables it (cancel through the token instead).
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a connection with calls in flight may stay silent before the client sends an HTTP/2
    /// PING to check it. Default: 10 s; at least <see cref="MinKeepAliveTime"/>.
    /// </summary>
    public TimeSpan KeepAliveTime { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long to wait for a PING reply before the connection is considered dead. Default: 5 s.</summary>
    public TimeSpan KeepAliveTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The largest request message the client sends; larger ones fail with <see cref="EtcdRequestTooLargeException"/> before sending. Default: 2 MiB.</summary>
    public int MaxSendMessageSize { get; init; } = DefaultMaxSendMessageSize;

    /// <summary>The largest response message the client accepts. Default: unlimited (<see cref="int.MaxValue"/>).</summary>
    public int MaxReceiveMessageSize { get; init; } = int.MaxValue;

    /// <summary>
    /// TLS settings for <c>https://</c> endpoints: trusted CAs, client certificate, server name, or (insecure)
    /// no verification; see docs/tls.md. Default: null, the system's trust store.
    /// </summary>
    public EtcdTlsOptions? Tls { get; init; }
}
