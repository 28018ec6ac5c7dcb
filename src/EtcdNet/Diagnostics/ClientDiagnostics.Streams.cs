using EtcdNet.Transport;
using Microsoft.Extensions.Logging;

namespace EtcdNet.Diagnostics;

/// <summary>What watch streams, lease keep-alives and authentication report.</summary>
internal sealed partial class ClientDiagnostics
{
    public void WatchStreamOpened(int streamNumber, GrpcEndpoint endpoint)
    {
        Count(EtcdTelemetry.WatchStreamsOpened);
        try
        {
            WatchLog.StreamOpened(_watch, streamNumber, endpoint.Address);
        }
        catch (Exception)
        {
            // observing must not fail the client
        }
    }

    /// <summary>A watch is re-created on <paramref name="endpoint"/> from <paramref name="resumeRevision"/> (0: from the current revision).</summary>
    public void WatchResumed(string? endpoint, long resumeRevision)
    {
        Count(EtcdTelemetry.WatchResumes);
        try
        {
            WatchLog.Resumed(_watch, endpoint ?? "(none)", resumeRevision);
        }
        catch (Exception)
        {
            // observing must not fail the client
        }
    }

    public static void WatchEventsDelivered(int count)
    {
        if (count == 0 || !EtcdTelemetry.WatchEvents.Enabled)
        {
            return;
        }

        Count(EtcdTelemetry.WatchEvents, count);
    }

    public void LeaseLost(long leaseId, LeaseLostReason reason, string? endpoint, Exception? cause)
    {
        Count(EtcdTelemetry.LeasesLost, new KeyValuePair<string, object?>("reason", ReasonTag(reason)));
        try
        {
            var level = reason == LeaseLostReason.ClientDisposed ? LogLevel.Debug : LogLevel.Warning;
            LeaseLog.Lost(_lease, level, leaseId, reason, endpoint ?? "(no stream)", cause?.Message ?? "no further detail");
        }
        catch (Exception)
        {
            // observing must not fail the client
        }
    }

    public void KeepAliveStreamFailed(string endpoint, string reason)
    {
        Count(EtcdTelemetry.KeepAliveFailures);
        try
        {
            LeaseLog.KeepAliveStreamFailed(_lease, endpoint, reason);
        }
        catch (Exception)
        {
            // observing must not fail the client
        }
    }

    public void AuthTokenRefreshed(string user)
    {
        Count(EtcdTelemetry.TokenRefreshes);
        try
        {
            AuthLog.TokenRefreshed(_auth, user);
        }
        catch (Exception)
        {
            // observing must not fail the client
        }
    }

    private static string ReasonTag(LeaseLostReason reason) => reason switch
    {
        LeaseLostReason.Expired => "expired",
        LeaseLostReason.NotFound => "not_found",
        LeaseLostReason.ClientDisposed => "client_disposed",
        _ => "other",
    };
}
