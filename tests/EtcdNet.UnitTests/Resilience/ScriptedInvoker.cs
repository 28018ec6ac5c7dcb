using EtcdNet.Resilience;
using EtcdNet.Transport;

namespace EtcdNet.UnitTests.Resilience;

/// <summary>An <see cref="RpcInvoker"/> over a <see cref="ScriptedTransport"/> and three endpoints, on a fake clock.</summary>
internal sealed class ScriptedInvoker : IDisposable
{
    public ScriptedInvoker(EtcdRetryOptions? retry = null, TimeSpan? requestTimeout = null, bool withCredentials = false)
    {
        Endpoints = [.. Enumerable.Range(0, 3).Select(i => GrpcEndpoint.Parse($"http://e{i}:2379"))];
        Retry = retry ?? EtcdRetryOptions.Default;
        Pool = new EndpointPool(Endpoints) { Time = Time, Backoff = Retry.EndpointBackoff };
        Invoker = new RpcInvoker(Transport, Pool, requestTimeout ?? TimeSpan.FromSeconds(30), Retry, Time)
        {
            Auth = withCredentials ? new Auth.AuthTokenProvider("user", "secret") : null,
        };
    }

    public CountingClock Time { get; } = new();

    public ScriptedTransport Transport { get; } = new();

    public GrpcEndpoint[] Endpoints { get; }

    public EtcdRetryOptions Retry { get; }

    public EndpointPool Pool { get; }

    public RpcInvoker Invoker { get; }

    /// <summary>The calls of <paramref name="call"/> kind: a read (Range), a write (Put) or a call addressed to the first endpoint.</summary>
    public Task Run(CallKind call, CancellationToken cancellationToken = default) => call switch
    {
        CallKind.Read => Invoker.UnaryAsync(Kv.KvMethods.Range, new Protocol.Rpc.RangeRequest(), cancellationToken),
        CallKind.Write => Invoker.UnaryAsync(Kv.KvMethods.Put, new Protocol.Rpc.PutRequest(), cancellationToken),
        _ => Invoker.UnaryAtAsync(Endpoints[0], Kv.KvMethods.Range, new Protocol.Rpc.RangeRequest(), cancellationToken),
    };

    /// <summary>The calls sent, without the Status checks made before a first write.</summary>
    public IReadOnlyList<string> Sent => [.. Transport.Calls.Where(c => !c.StartsWith("status@", StringComparison.Ordinal))];

    public void Dispose() => Pool.Dispose();
}
