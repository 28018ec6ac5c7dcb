using EtcdNet.Maintenance;
using EtcdNet.Protocol.Rpc;
using EtcdNet.Transport;

namespace EtcdNet.Resilience;

/// <summary>
/// The check that lets a set-aside endpoint back into the rotation: a Status call without a token, which
/// any etcd member answers at once. Any gRPC answer, even an error status, shows the member is up.
/// </summary>
internal sealed class EndpointProbe(GrpcTransport transport, TimeSpan timeout)
{
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromMilliseconds(uint.MaxValue - 1.0);

    /// <summary>A probe waits for the connection (the dial timeout) and then a short answer (within the timer limit).</summary>
    public static TimeSpan TimeoutFor(TimeSpan dialTimeout)
        => dialTimeout >= MaxTimeout - TimeSpan.FromSeconds(2) ? MaxTimeout : dialTimeout + TimeSpan.FromSeconds(2);

    /// <exception cref="GrpcCallException">The endpoint could not be reached or is not etcd.</exception>
    /// <exception cref="TimeoutException">No answer within the probe's timeout.</exception>
    public async Task CheckAsync(GrpcEndpoint endpoint, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await transport.UnaryAsync(endpoint, MaintenanceMethods.Status, new StatusRequest(), new CallHeaders(timeout, null), deadline.Token).ConfigureAwait(false);
        }
        catch (GrpcCallException failure) when (failure.Kind == CallFailureKind.Status)
        {
            // It answered.
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no answer to a status check within {timeout.TotalSeconds:0.#} s", e);
        }
    }
}
