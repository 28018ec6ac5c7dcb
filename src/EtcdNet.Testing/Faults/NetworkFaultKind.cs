namespace EtcdNet.Testing;

/// <summary>The kinds of <see cref="NetworkFault"/>.</summary>
public enum NetworkFaultKind
{
    /// <summary>No fault: bytes pass unchanged.</summary>
    None,

    /// <summary>Bytes are accepted and held, never delivered while the fault lasts (a network that drops every packet).</summary>
    BlackHole,

    /// <summary>New connections are refused; open connections carry on.</summary>
    Refuse,

    /// <summary>Every open connection is reset, and so is every new one while the fault lasts.</summary>
    Reset,

    /// <summary>Each connection carries a given number of bytes more, then is reset (usually in the middle of a frame).</summary>
    CutAfter,

    /// <summary>Every chunk of bytes is delivered late by a delay with jitter, in order.</summary>
    Latency,
}
