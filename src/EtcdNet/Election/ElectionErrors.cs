namespace EtcdNet.Election;

/// <summary>
/// The Election service's own errors. etcd sends them as plain messages (status Unknown) that are not
/// in the general error catalog; this turns them into their typed exceptions.
/// </summary>
internal static class ElectionErrors
{
    /// <summary>The typed exception for an election error, or null when <paramref name="e"/> is not one.</summary>
    public static EtcdException? Map(EtcdException e) => e.ServerMessage switch
    {
        EtcdElectionNoLeaderException.WireMessage => new EtcdElectionNoLeaderException(
            "The election has no leader.", e.ServerMessage, e.Endpoint),
        EtcdElectionNotLeaderException.WireMessage => new EtcdElectionNotLeaderException(
            "The leader key no longer holds the leadership (it resigned, or its lease expired).", e.ServerMessage, e.Endpoint),
        _ => null,
    };
}
