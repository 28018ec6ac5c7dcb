using Grpc.Core;
using Grpc.Net.Client.Balancer;

namespace EtcdNet.Discovery.Grpc;

/// <summary>
/// One channel's resolver: hands each live endpoint set of the service (followed by an
/// <see cref="EndpointSetFollower"/>) to the channel. When the watch fails, the channel keeps its last set; while it
/// never had one, it is told the failure.
/// </summary>
internal sealed class EtcdResolver(EndpointManager manager, int defaultPort) : Resolver
{
    private EndpointSetFollower? _follower;

    public override void Start(Action<ResolverResult> listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        _follower = new EndpointSetFollower(
            manager,
            set => listener(ResolverResult.ForResult([.. set.Values.Select(ToAddress).OfType<BalancerAddress>()])),
            failure => listener(ResolverResult.ForFailure(new Status(StatusCode.Unavailable, $"Reading the endpoints of '{manager.Service}' from etcd failed: {failure.Message}", failure))));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _follower is { } follower)
        {
            // Resolver.Dispose is synchronous: stop the follower without waiting for its loop to end.
            _ = follower.DisposeAsync().AsTask();
        }

        base.Dispose(disposing);
    }

    /// <summary><c>host:port</c>, <c>[v6]:port</c> or a URL; without a port, the channel's default port. Anything else is skipped.</summary>
    private BalancerAddress? ToAddress(ServiceEndpoint endpoint)
    {
        var text = endpoint.Address.Contains("://", StringComparison.Ordinal) ? endpoint.Address : "tcp://" + endpoint.Address;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            return null;
        }

        return new BalancerAddress(uri.IdnHost, uri.IsDefaultPort || uri.Port < 0 ? defaultPort : uri.Port);
    }
}
