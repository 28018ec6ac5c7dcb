using EtcdNet.Resilience;
using EtcdNet.Transport;

namespace EtcdNet.Watch;

/// <summary>
/// The health check of a watch stream's member: whenever the stream has gone <see cref="Interval"/> without a message
/// (and without a check), its member must answer a Status within twice the interval and know a leader. A stream that
/// carries events needs no check: its member is alive and its revisions are committed. Time is the client's
/// <see cref="TimeProvider"/>.
/// </summary>
internal sealed class WatchStreamCheck(EndpointProbe probe, TimeSpan interval, TimeProvider time)
{
    public TimeSpan Interval => interval;

    /// <summary>
    /// Checks <paramref name="endpoint"/> each time <paramref name="session"/> has been quiet for an interval; returns
    /// when a check fails (the reason is then recorded in the session and the session cancelled) or the session ends.
    /// </summary>
    /// <param name="endpoint">The stream's member.</param>
    /// <param name="session">The stream's session.</param>
    /// <param name="hasWatchers">Whether the stream carries any watch (a stream without one is not worth a check).</param>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "Any failed check moves the stream; a cut-short one may fail with any transport error.")]
    public async Task MonitorAsync(GrpcEndpoint endpoint, WatchSession session, Func<bool> hasWatchers)
    {
        var token = session.Token;
        var lastCheck = time.GetTimestamp();
        try
        {
            while (true)
            {
                var quietSince = Math.Max(session.LastReceived, lastCheck);
                var wait = interval - time.GetElapsedTime(quietSince);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, token).ConfigureAwait(false);
                    continue;
                }

                lastCheck = time.GetTimestamp();
                if (!hasWatchers())
                {
                    continue;
                }

                try
                {
                    await probe.CheckAsync(endpoint, 2 * interval, token).ConfigureAwait(false);
                }
                catch (Exception e) when (!token.IsCancellationRequested)
                {
                    session.Abandon("its member failed a health check: " + e.Message);
                    return;
                }
            }
        }
        catch (Exception) when (token.IsCancellationRequested)
        {
            // the session ended (a check cut short may fail with any transport error)
        }
    }
}
