using Grpc.Core;
using Grpc.Net.Client.Balancer;

namespace EtcdNet.Discovery.Grpc;

/// <summary>
/// One channel's resolver: follows the service's live endpoint set through a watch and hands each new set to the
/// channel. When the watch fails, the channel keeps its last set, is told the failure if it never had one, and the
/// watch starts again after a backoff.
/// </summary>
internal sealed class EtcdResolver(EndpointManager manager, int defaultPort) : Resolver
{
    private static readonly EtcdBackoff Backoff = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5));

    private readonly CancellationTokenSource _stop = new();

    public override void Start(Action<ResolverResult> listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        _ = Task.Run(() => FollowAsync(listener));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stop.Cancel();
        }

        base.Dispose(disposing);
    }

    private async Task FollowAsync(Action<ResolverResult> listener)
    {
        var stop = _stop.Token;
        var published = false;
        for (var failures = 0; !stop.IsCancellationRequested; failures++)
        {
            try
            {
                await foreach (var set in manager.WatchSetAsync(stop).ConfigureAwait(false))
                {
                    listener(ResolverResult.ForResult([.. set.Values.Select(ToAddress).OfType<BalancerAddress>()]));
                    published = true;
                    failures = 0;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is EtcdException or TimeoutException)
            {
                if (!published)
                {
                    listener(ResolverResult.ForFailure(new Status(StatusCode.Unavailable, $"Reading the endpoints of '{manager.Service}' from etcd failed: {e.Message}", e)));
                }
            }

            await Task.Delay(Backoff.Next(failures), stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
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
