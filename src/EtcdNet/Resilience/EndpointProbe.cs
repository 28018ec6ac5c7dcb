using EtcdNet.Maintenance;
using EtcdNet.Protocol.Rpc;
using EtcdNet.Transport;

namespace EtcdNet.Resilience;

/// <summary>
/// Checks that an endpoint is an etcd member that answers, with a Status call (which needs no token). Before the first
/// write to an endpoint any gRPC answer is enough. To let a set-aside endpoint back into the rotation, and to keep a
/// watch stream on its member, the member must also know a leader: one cut off from its peers answers Status but
/// serves no linearizable call and sees no new revision.
/// </summary>
internal sealed class EndpointProbe(ICallTransport transport, TimeSpan timeout)
{
    /// <summary>A background check waits for the connection (the dial timeout) and then a short answer.</summary>
    public static TimeSpan TimeoutFor(TimeSpan dialTimeout) => dialTimeout + TimeSpan.FromSeconds(2);

    /// <summary>Sends one Status to <paramref name="endpoint"/>; returns when it answered in gRPC.</summary>
    /// <exception cref="GrpcCallException">The endpoint could not be reached, or is not etcd.</exception>
    public static async Task StatusAnsweredAsync(ICallTransport transport, GrpcEndpoint endpoint, CallHeaders headers, CancellationToken cancellationToken)
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
    /// <exception cref="EtcdNoLeaderException">The member answered but knows no leader.</exception>
    public Task CheckAsync(GrpcEndpoint endpoint, CancellationToken cancellationToken) => CheckAsync(endpoint, timeout, cancellationToken);

    /// <summary>Learns the member's etcd version with one Status call when it is not known yet; failures are ignored.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "Best effort: the version stays unknown.")]
    public async Task LearnVersionAsync(GrpcEndpoint endpoint, CancellationToken cancellationToken)
    {
        if (endpoint.ServerVersion is not null)
        {
            return;
        }

        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            var status = await transport.UnaryAsync(endpoint, MaintenanceMethods.Status, new StatusRequest(), new CallHeaders(timeout, null), deadline.Token).ConfigureAwait(false);
            endpoint.ServerVersion = status.Version;
        }
        catch (Exception)
        {
            // unknown for now; the next stream opened there asks again
        }
    }

    /// <summary>Checks that <paramref name="endpoint"/> answers a Status within <paramref name="within"/> and knows a leader.</summary>
    /// <exception cref="GrpcCallException">The endpoint could not be reached or is not etcd.</exception>
    /// <exception cref="TimeoutException">No answer in time.</exception>
    /// <exception cref="EtcdNoLeaderException">The member answered but knows no leader.</exception>
    public async Task CheckAsync(GrpcEndpoint endpoint, TimeSpan within, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(within);
        Protocol.Rpc.StatusResponse status;
        try
        {
            status = await transport.UnaryAsync(endpoint, MaintenanceMethods.Status, new StatusRequest(), new CallHeaders(within, null), deadline.Token).ConfigureAwait(false);
        }
        catch (GrpcCallException failure) when (failure.Kind == CallFailureKind.Status)
        {
            return; // an etcd member that answers (Status has no error for a missing leader)
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no answer to a status check within {within.TotalSeconds:0.#} s", e);
        }

        endpoint.ServerVersion = status.Version;
        if (status.Leader == 0)
        {
            throw new EtcdNoLeaderException("the member answered a status check but knows no leader", endpoint: endpoint.Address);
        }
    }
}
