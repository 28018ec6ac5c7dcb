using System.Collections.Concurrent;
using EtcdNet.Protocol.Rpc;

namespace EtcdNet.Transport.Gateway;

/// <summary>
/// A watch stream through the gateway: each create is an exchange of its own (the gateway cannot take a request
/// while it answers), so every watch has its own HTTP request. The watch IDs the server gives on those separate
/// streams would collide, so each exchange's responses carry the exchange's number as their watch ID instead; a
/// cancel ends that exchange and answers as the server would. Progress requests cannot be sent: a progress answer on
/// one exchange would say nothing about the others.
/// </summary>
internal sealed class GatewayWatchCall(
    GatewayTransport transport, GrpcEndpoint endpoint, GrpcMethod<WatchRequest, Protocol.Rpc.WatchResponse> method, string route, CallHeaders headers, CancellationToken cancellationToken)
    : GatewayStreamingCall<WatchRequest, Protocol.Rpc.WatchResponse>(transport, endpoint, method, route, headers, cancellationToken)
{
    private readonly ConcurrentDictionary<long, CancellationTokenSource> _watches = new();
    private long _nextId;

    protected override void OnWrite(IReadOnlyList<WatchRequest> messages)
    {
        foreach (var message in messages)
        {
            switch (message.RequestUnionCase)
            {
                case WatchRequest.RequestUnionOneofCase.CreateRequest:
                    var id = Interlocked.Increment(ref _nextId) - 1;
                    var watch = CancellationTokenSource.CreateLinkedTokenSource(CallToken);
                    _watches[id] = watch;
                    try
                    {
                        Exchange(message, id, limited: false, watch.Token);
                    }
                    catch
                    {
                        OnExchangeEnded(id); // refused before it started
                        throw;
                    }

                    break;
                case WatchRequest.RequestUnionOneofCase.CancelRequest:
                    var cancelled = message.CancelRequest.WatchId;
                    if (_watches.TryRemove(cancelled, out var exchange))
                    {
                        exchange.Cancel();
                        exchange.Dispose();
                    }

                    Deliver(new Protocol.Rpc.WatchResponse { WatchId = cancelled, Canceled = true, Header = new Protocol.Rpc.ResponseHeader() });
                    break;
                default:
                    throw new NotSupportedException(
                        "etcd's JSON gateway cannot carry watch progress requests; they need EtcdClientOptions.Protocol = EtcdProtocol.Grpc.");
            }
        }
    }

    // The exchange no longer uses its token: release it (a cancel may have taken it already).
    protected override void OnExchangeEnded(long exchange)
    {
        if (_watches.TryRemove(exchange, out var ended))
        {
            ended.Dispose();
        }
    }

    protected override Protocol.Rpc.WatchResponse? Adjust(Protocol.Rpc.WatchResponse response, long exchange)
    {
        response.WatchId = exchange;
        return response;
    }

    // The server ended one watch's stream on its own: end the call, so that every watch resumes on a new one.
    protected override bool EndsCall(long exchange) => true;
}
