using System.Collections.Concurrent;
using EtcdNet.Transport;

namespace EtcdNet.Diagnostics;

/// <summary>Tag names and values of the OpenTelemetry RPC conventions, and the cached span names.</summary>
internal static class RpcTags
{
    public const string System = "rpc.system";
    public const string Service = "rpc.service";
    public const string Method = "rpc.method";
    public const string StatusCode = "rpc.grpc.status_code";
    public const string ServerAddress = "server.address";
    public const string ServerPort = "server.port";
    public const string ErrorType = "error.type";
    public const string Grpc = "grpc";

    private static readonly ConcurrentDictionary<(string Service, string Method), string> SpanNames = new();

    /// <summary>The span name, e.g. <c>etcdserverpb.KV/Range</c>.</summary>
    public static string SpanName(string service, string method)
        => SpanNames.GetOrAdd((service, method), static key => key.Service + "/" + key.Method);

    /// <summary>The host of <paramref name="endpoint"/>, without brackets for IPv6.</summary>
    public static string Host(GrpcEndpoint endpoint) => endpoint.BaseUri.IdnHost;

    public static int Port(GrpcEndpoint endpoint) => endpoint.BaseUri.Port;
}
