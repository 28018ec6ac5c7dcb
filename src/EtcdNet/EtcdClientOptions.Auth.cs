using System.Text;

namespace EtcdNet;

public sealed partial record EtcdClientOptions
{
    /// <summary>
    /// The user to call etcd as, with <see cref="Password"/>. The client authenticates on first use,
    /// sends the token with every call and stream, and authenticates again when etcd reports the
    /// token invalid or outdated. Default: null (no authentication).
    /// </summary>
    public string? Username { get; init; }

    /// <summary>The password of <see cref="Username"/>. It never appears in <see cref="ToString"/>, logs or exception messages.</summary>
    public string? Password { get; init; }
    // Records print every property; this keeps the password out.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Endpoints = [").AppendJoin(", ", Endpoints ?? []).Append(']');
        builder.Append(", DialTimeout = ").Append(DialTimeout);
        builder.Append(", RequestTimeout = ").Append(RequestTimeout);
        builder.Append(", KeepAliveTime = ").Append(KeepAliveTime);
        builder.Append(", KeepAliveTimeout = ").Append(KeepAliveTimeout);
        builder.Append(", MaxSendMessageSize = ").Append(MaxSendMessageSize);
        builder.Append(", MaxReceiveMessageSize = ").Append(MaxReceiveMessageSize);
        builder.Append(", MaxAttempts = ").Append(MaxAttempts);
        builder.Append(", Tls = ").Append(Tls is null ? "null" : "set");
        builder.Append(", AutoSyncInterval = ").Append(AutoSyncInterval?.ToString() ?? "null");
        builder.Append(", DefaultTtl = ").Append(DefaultTtl?.ToString() ?? "null");
        builder.Append(", Namespace = ").Append(Namespace ?? "null");
        builder.Append(", Username = ").Append(Username ?? "null");
        builder.Append(", Password = ").Append(Password is null ? "null" : "***");
        builder.Append(", LoggerFactory = ").Append(LoggerFactory is null or Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory ? "none" : "set");
        return true;
    }
}
