namespace EtcdNet.Testing.Internal;

/// <summary>The parts of etcd's maintenance status response the launcher needs.</summary>
/// <param name="MemberId">Id of the member that answered.</param>
/// <param name="LeaderId">Id of the leader as that member sees it (0 when it knows none).</param>
/// <param name="RaftTerm">The raft term the member is in.</param>
internal readonly record struct MemberStatus(ulong MemberId, ulong LeaderId, ulong RaftTerm)
{
    /// <summary>True when the answering member believes it is the leader.</summary>
    internal bool IsSelfLeader => LeaderId != 0 && LeaderId == MemberId;
}
