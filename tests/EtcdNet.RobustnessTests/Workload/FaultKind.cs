namespace EtcdNet.RobustnessTests.Workload;

/// <summary>The faults a schedule injects, one at a time.</summary>
public enum FaultKind
{
    KillLeader,
    KillFollower,
    PauseLeader,
    PauseFollower,
    BlackHole,
    BlackHoleToClient,
    Refuse,
    Reset,
    CutMidFrame,
    Latency,
    PartitionLeader,
    PartitionFollower,
    MoveLeader,
    Compact,
    Defragment,

    /// <summary>On a cluster with auth: every token is invalidated at once (auth disabled and enabled again).</summary>
    ExpireTokens,
}
