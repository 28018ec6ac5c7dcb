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
            set => listener(ResolverResult.ForResult([.. set.Values.Select(e => ToAddress(e.Address, defaultPort)).OfType<BalancerAddress>()])),
            failure => listener(ResolverResult.ForFailure(new Status(StatusCode.Unavailable, $"Reading the endpoints of '{manager.Service}' from etcd failed: {failure.Message}", failure))));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _follower is { } follower)
        {
            // Resolver.Dispose is synchronous: no callback starts once this returns, and the loop ends on its own.
            _ = follower.DisposeAsync().AsTask();
        }

        base.Dispose(disposing);
    }

    /// <summary><c>host:port</c>, <c>[v6]:port</c> or a URL; without a written port, the channel's default port. Anything else is skipped.</summary>
    internal static BalancerAddress? ToAddress(string address, int defaultPort)
    {
        var authority = address.AsSpan();
        if (authority.IndexOf("://", StringComparison.Ordinal) is var scheme and >= 0)
        {
            authority = authority[(scheme + 3)..];
        }

        if (authority.IndexOf('/') is var path and >= 0)
        {
            authority = authority[..path];
        }

        ReadOnlySpan<char> host;
        ReadOnlySpan<char> port;
        if (authority.StartsWith("[", StringComparison.Ordinal))
        {
            var close = authority.IndexOf(']');
            if (close < 0 || (close + 1 < authority.Length && authority[close + 1] != ':'))
            {
                return null;
            }

            host = authority[1..close];
            port = close + 1 < authority.Length ? authority[(close + 2)..] : default;
        }
        else
        {
            var colon = authority.LastIndexOf(':');
            host = colon >= 0 ? authority[..colon] : authority;
            port = colon >= 0 ? authority[(colon + 1)..] : default;
        }

        if (host.IsEmpty)
        {
            return null;
        }

        if (port.IsEmpty)
        {
            return new BalancerAddress(host.ToString(), defaultPort);
        }

        return int.TryParse(port, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number is > 0 and <= 65535
            ? new BalancerAddress(host.ToString(), number)
            : null;
    }
}
