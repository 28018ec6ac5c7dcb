namespace EtcdNet.Testing;

/// <summary>Which way through a <see cref="TcpFaultProxy"/> a fault applies to.</summary>
[Flags]
public enum FaultDirection
{
    /// <summary>Bytes the client sends to the server.</summary>
    ToServer = 1,

    /// <summary>Bytes the server sends back to the client.</summary>
    ToClient = 2,

    /// <summary>Both ways.</summary>
    Both = ToServer | ToClient,
}
