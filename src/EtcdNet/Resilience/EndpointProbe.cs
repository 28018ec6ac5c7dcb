using EtcdNet.Maintenance;
using EtcdNet.Protocol.Rpc;
using EtcdNet.Transport;

namespace EtcdNet.Resilience;

/// <summary>
/// The check that an endpoint is an etcd member that answers: a Status call without a token. Any gRPC answer, even an
/// error status, shows it. Used before the first write to an endpoint, and to let a set-aside endpoint back into the rotation.
/// </summary>
internal sealed class EndpointProbe(GrpcTransport transport, TimeSpan timeout)
{
    /// <summary>A background check waits for the connection (the dial timeout) and then a short answer.</summary>
    public static TimeSpan TimeoutFor(TimeSpan dialTimeout) => dialTimeout + TimeSpan.FromSeconds(2);

    /// <summary>Sends one Status to <paramref name="endpoint"/>; returns when it answered in gRPC.</summary>
    /// <exception cref="GrpcCallException">The endpoint could not be reached, or is not etcd.</exception>
    public static async Task StatusAnsweredAsync(GrpcTransport transport, GrpcEndpoint endpoint, CallHeaders headers, CancellationToken cancellationToken)
    {
        try
        {
            await transport.UnaryAsync(endpoint, MaintenanceMethods.Status, new StatusRequest(), headers, cancellationToken).ConfigureAwait(false);
        }
        catch (GrpcCallException failure) when (failure.Kind == CallFailureKind.Status)
        {
            // It answered.
        }
    }

    /// <summary>The background check of a set-aside endpoint, bounded by the probe's timeout.</summary>
    /// <exception cref="GrpcCallException">The endpoint could not be reached or is not etcd.</exception>
    /// <exception cref="TimeoutException">No answer within the probe's timeout.</exception>
    public async Task CheckAsync(GrpcEndpoint endpoint, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await StatusAnsweredAsync(transport, endpoint, new CallHeaders(timeout, null), deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no answer to a status check within {timeout.TotalSeconds:0.#} s", e);
        }
    }
}
