namespace EtcdNet;

/// <summary>How an <see cref="EtcdClient"/> talks to etcd.</summary>
public enum EtcdProtocol
{
    /// <summary>gRPC over HTTP/2, etcd's native API (the default): every call and stream etcd offers.</summary>
    Grpc,

    /// <summary>
    /// etcd's HTTP/JSON gateway (the API the Lua client uses), over HTTP/1.1 where HTTP/2 cannot pass: proxies and
    /// load balancers that speak only HTTP/1.1, browsers. The same calls, models and errors; what the gateway cannot
    /// carry (HashKV, AuthStatus, watch progress requests) throws <see cref="NotSupportedException"/>. Each watch
    /// and each lease renewal is an HTTP request of its own.
    /// </summary>
    JsonGateway,
}
