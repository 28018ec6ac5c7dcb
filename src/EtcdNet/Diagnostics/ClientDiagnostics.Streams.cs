using EtcdNet.Transport;
using Microsoft.Extensions.Logging;

namespace EtcdNet.Diagnostics;

/// <summary>What watch streams, lease keep-alives and authentication report.</summary>
internal sealed partial class ClientDiagnostics
{
    public void WatchStreamOpened(int streamNumber, GrpcEndpoint endpoint)
    {
        try
        {
            EtcdTelemetry.WatchStreamsOpened.Add(1);
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
        try
        {
            EtcdTelemetry.WatchResumes.Add(1);
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

        try
        {
            EtcdTelemetry.WatchEvents.Add(count);
        }
        catch (Exception)
        {
            // observing must not fail the client
        }
    }

    public void LeaseLost(long leaseId, LeaseLostReason reason, string? endpoint, Exception? cause)
    {
        try
        {
            EtcdTelemetry.LeasesLost.Add(1, new KeyValuePair<string, object?>("reason", ReasonTag(reason)));
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
        try
        {
            EtcdTelemetry.KeepAliveFailures.Add(1);
            LeaseLog.KeepAliveStreamFailed(_lease, endpoint, reason);
        }
        catch (Exception)
        {
            // observing must not fail the client
        }
    }

    public void AuthTokenRefreshed(string user)
    {
        try
        {
            EtcdTelemetry.TokenRefreshes.Add(1);
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
