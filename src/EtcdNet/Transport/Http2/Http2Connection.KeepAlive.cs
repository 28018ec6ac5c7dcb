namespace EtcdNet.Transport.Http2;

/// <summary>
/// Keep-alive: while calls are in progress and nothing has been read for <see cref="TransportSettings.KeepAliveTime"/>,
/// the connection pings; no answer within <see cref="TransportSettings.KeepAliveTimeout"/> fails it. An idle
/// connection does not ping (etcd treats pings without streams as abuse).
/// </summary>
internal sealed partial class Http2Connection
{
    private readonly Timer _keepAlive;
    private bool _keepAliveArmed;
    private long _pingSentTicks;

    /// <summary>Starts the keep-alive timer on the first call (under the lock).</summary>
    private void ArmKeepAlive()
    {
        if (_keepAliveArmed)
        {
            return;
        }

        _keepAliveArmed = true;
        var tick = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerSecond / 2, Math.Min(Settings.KeepAliveTime.Ticks, Settings.KeepAliveTimeout.Ticks) / 2));
        _keepAlive.Change(tick, tick);
    }

    private void OnKeepAliveTick()
    {
        var now = Environment.TickCount64;
        var pingSent = Volatile.Read(ref _pingSentTicks);
        if (pingSent != 0)
        {
            if (now - pingSent > Settings.KeepAliveTimeout.TotalMilliseconds)
            {
                Abort(TransportFailure($"{Endpoint} did not answer a keep-alive ping within {Settings.KeepAliveTimeout.TotalSeconds:0.###} s (KeepAliveTimeout).", null, ConnectionFault.KeepAliveTimeout));
            }

            return;
        }

        bool busy;
        lock (_gate)
        {
            busy = _calls.Count > 0;
        }

        if (busy && now - Volatile.Read(ref _lastReadTicks) >= Settings.KeepAliveTime.TotalMilliseconds)
        {
            Volatile.Write(ref _pingSentTicks, now);
            Span<byte> payload = stackalloc byte[8];
            System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(payload, now);
            QueueControl(FrameType.Ping, 0, 0, payload);
        }
    }
}
