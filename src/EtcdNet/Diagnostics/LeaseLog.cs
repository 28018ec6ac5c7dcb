using Microsoft.Extensions.Logging;

namespace EtcdNet.Diagnostics;

/// <summary>Log messages of lease keep-alives (category <c>EtcdNet.Lease</c>, event ids 3000-3099).</summary>
internal static partial class LeaseLog
{
    [LoggerMessage(EventId = 3001, EventName = "LeaseLost",
        Message = "Lease {LeaseId} lost ({Reason}) on {Endpoint}: {Cause}")]
    public static partial void Lost(ILogger logger, LogLevel level, long leaseId, LeaseLostReason reason, string endpoint, string cause);

    [LoggerMessage(EventId = 3002, EventName = "KeepAliveStreamFailed", Level = LogLevel.Warning,
        Message = "Lease keep-alive stream on {Endpoint} ended unexpectedly: {Reason}")]
    public static partial void KeepAliveStreamFailed(ILogger logger, string endpoint, string reason);
}
