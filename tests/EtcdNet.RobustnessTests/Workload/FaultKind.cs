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
}
