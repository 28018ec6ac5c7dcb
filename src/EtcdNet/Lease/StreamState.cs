namespace EtcdNet.Lease;

/// <summary>What the renewal schedule needs to know about the keep-alive stream.</summary>
/// <param name="Up">True while a stream is open (renewals can be sent).</param>
/// <param name="LastResponseAt">When it last delivered a response (or was opened); a <see cref="LeaseClock"/> reading.</param>
internal readonly record struct StreamState(bool Up, TimeSpan LastResponseAt)
{
    public static StreamState Down => default;
}
