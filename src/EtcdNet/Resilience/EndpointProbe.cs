using EtcdNet.Maintenance;
using EtcdNet.Protocol.Rpc;
using EtcdNet.Transport;

namespace EtcdNet.Resilience;

/// <summary>
/// Checks that an endpoint is an etcd member that answers, with a Status call (which needs no token). Before the first
/// write to an endpoint any gRPC answer is enough. To let a set-aside endpoint back into the rotation, and to keep a
/// watch stream on its member, the member must also know a leader: one cut off from its peers answers Status but
/// serves no linearizable call and sees no new revision. The checks go through the client's call loop, addressed to
/// the one endpoint (its deadline, clock and telemetry); only the check before a write is made inside that loop, on
/// the transport itself.
/// </summary>
internal sealed class EndpointProbe(TimeSpan timeout)
{
    /// <summary>The client's call loop; set once, right after the client created it (the pool it feeds comes first).</summary>
    public RpcInvoker? Invoker { get; set; }

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
    /// <exception cref="EtcdException">The endpoint could not be reached or is not etcd, or knows no leader.</exception>
    /// <exception cref="TimeoutException">No answer within the probe's timeout.</exception>
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
            await StatusAsync(endpoint, timeout, requireLeader: false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // unknown for now; the next stream opened there asks again
        }
    }

    /// <summary>Checks that <paramref name="endpoint"/> answers a Status within <paramref name="within"/> and knows a leader.</summary>
    /// <exception cref="EtcdException">The endpoint could not be reached or is not etcd.</exception>
    /// <exception cref="TimeoutException">No answer in time.</exception>
    /// <exception cref="EtcdNoLeaderException">The member answered but knows no leader.</exception>
    public Task CheckAsync(GrpcEndpoint endpoint, TimeSpan within, CancellationToken cancellationToken)
        => StatusAsync(endpoint, within, requireLeader: true, cancellationToken);

    /// <summary>
    /// One Status to <paramref name="endpoint"/> only; null when it answered with an error (it is an etcd member all
    /// the same). With <paramref name="requireLeader"/>, an answer without a leader is a failure, raised inside the
    /// attempt so that the call loop does not count it as the endpoint answering.
    /// </summary>
    private Task<Protocol.Rpc.StatusResponse?> StatusAsync(GrpcEndpoint endpoint, TimeSpan within, bool requireLeader, CancellationToken cancellationToken)
    {
        var invoker = Invoker ?? throw new InvalidOperationException("The probe is not attached to a client yet.");
        return invoker.RunAsync(
            MaintenanceMethods.Status,
            (invoker.Transport, requireLeader),
            static async Task<Protocol.Rpc.StatusResponse?> (state, endpoint, headers, token) =>
            {
                try
                {
                    var status = await state.Transport.UnaryAsync(endpoint, MaintenanceMethods.Status, new StatusRequest(), headers, token).ConfigureAwait(false);
                    endpoint.ServerVersion = status.Version;
                    return state.requireLeader && status.Leader == 0
                        ? throw new EtcdNoLeaderException("the member answered a status check but knows no leader", endpoint: endpoint.Address)
                        : status;
                }
                catch (GrpcCallException failure) when (failure.Kind == CallFailureKind.Status)
                {
                    return null; // an etcd member that answers (Status has no error for a missing leader)
                }
            },
            within,
            withToken: false,
            pinned: endpoint,
            persistent: false,
            cancellationToken);
    }
}
