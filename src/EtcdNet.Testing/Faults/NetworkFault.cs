using System.Globalization;

namespace EtcdNet.Testing;

/// <summary>
/// A fault that a <see cref="TcpFaultProxy"/> injects into the connections it carries. Create one with the static
/// members; <see cref="TcpFaultProxy.Inject"/> applies it.
/// </summary>
public sealed record NetworkFault
{
    private NetworkFault(NetworkFaultKind kind, long bytes = 0, TimeSpan delay = default, TimeSpan jitter = default)
    {
        Kind = kind;
        Bytes = bytes;
        Delay = delay;
        Jitter = jitter;
    }

    /// <summary>No fault: bytes pass unchanged. Injecting it ends the faults of the directions given.</summary>
    public static NetworkFault None { get; } = new(NetworkFaultKind.None);

    /// <summary>
    /// Bytes are read from the sender but not delivered while the fault lasts; when it ends, the held bytes are
    /// delivered in order, as TCP retransmits after a network that dropped packets heals. New connections are
    /// accepted. The receiver sees a silent, open connection.
    /// </summary>
    public static NetworkFault BlackHole { get; } = new(NetworkFaultKind.BlackHole);

    /// <summary>New connections are refused (the proxy stops listening); open connections carry on. Applies to both directions.</summary>
    public static NetworkFault Refuse { get; } = new(NetworkFaultKind.Refuse);

    /// <summary>Every open connection is reset (TCP RST to both ends), and so is every new one while the fault lasts. Applies to both directions.</summary>
    public static NetworkFault Reset { get; } = new(NetworkFaultKind.Reset);

    /// <summary>The kind of fault.</summary>
    public NetworkFaultKind Kind { get; }

    /// <summary>For <see cref="NetworkFaultKind.CutAfter"/>: how many more bytes each connection carries before it is reset.</summary>
    public long Bytes { get; }

    /// <summary>For <see cref="NetworkFaultKind.Latency"/>: the delay added to every chunk.</summary>
    public TimeSpan Delay { get; }

    /// <summary>For <see cref="NetworkFaultKind.Latency"/>: up to this much more delay, chosen at random per chunk (order is kept).</summary>
    public TimeSpan Jitter { get; }

    /// <summary>
    /// Each connection, open or new, carries <paramref name="bytes"/> more bytes in the faulted direction and is then
    /// reset, which usually cuts a frame in the middle.
    /// </summary>
    /// <param name="bytes">How many more bytes to deliver, 0 or more.</param>
    /// <returns>The fault.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bytes"/> is negative.</exception>
    public static NetworkFault CutAfter(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        return new NetworkFault(NetworkFaultKind.CutAfter, bytes: bytes);
    }

    /// <summary>Every chunk of bytes is delivered <paramref name="delay"/> plus up to <paramref name="jitter"/> late, in order.</summary>
    /// <param name="delay">The added delay, 0 or more.</param>
    /// <param name="jitter">Up to this much more, at random per chunk; 0 or more.</param>
    /// <returns>The fault.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A negative delay or jitter.</exception>
    public static NetworkFault Latency(TimeSpan delay, TimeSpan jitter = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(jitter, TimeSpan.Zero);
        return new NetworkFault(NetworkFaultKind.Latency, delay: delay, jitter: jitter);
    }

    /// <summary>True for the faults that act on whole connections (<see cref="NetworkFaultKind.Refuse"/>, <see cref="NetworkFaultKind.Reset"/>).</summary>
    internal bool IsConnectionFault => Kind is NetworkFaultKind.Refuse or NetworkFaultKind.Reset;

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        NetworkFaultKind.CutAfter => string.Create(CultureInfo.InvariantCulture, $"CutAfter({Bytes} bytes)"),
        NetworkFaultKind.Latency => string.Create(CultureInfo.InvariantCulture, $"Latency({Delay.TotalMilliseconds:0.#} ms + up to {Jitter.TotalMilliseconds:0.#} ms)"),
        _ => Kind.ToString(),
    };
}
