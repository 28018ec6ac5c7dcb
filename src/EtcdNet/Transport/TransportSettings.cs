using System.Net.Security;

namespace EtcdNet.Transport;

/// <summary>The transport's share of <see cref="EtcdClientOptions"/>, validated.</summary>
internal sealed record TransportSettings(
    TimeSpan DialTimeout,
    TimeSpan KeepAliveTime,
    TimeSpan KeepAliveTimeout,
    int MaxSendMessageSize,
    int MaxReceiveMessageSize,
    SslClientAuthenticationOptions? Ssl,
    string UserAgent);
