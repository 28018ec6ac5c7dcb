using Microsoft.Extensions.Logging;

namespace EtcdNet.Diagnostics;

/// <summary>Log messages of watch streams (category <c>EtcdNet.Watch</c>, event ids 2000-2099).</summary>
internal static partial class WatchLog
{
    [LoggerMessage(EventId = 2001, EventName = "WatchStreamOpened", Level = LogLevel.Debug,
        Message = "Watch stream {StreamNumber} opened on {Endpoint}")]
    public static partial void StreamOpened(ILogger logger, int streamNumber, string endpoint);

    [LoggerMessage(EventId = 2002, EventName = "WatchResumed", Level = LogLevel.Debug,
        Message = "Watch resumed on {Endpoint} from revision {ResumeRevision}")]
    public static partial void Resumed(ILogger logger, string endpoint, long resumeRevision);
}
