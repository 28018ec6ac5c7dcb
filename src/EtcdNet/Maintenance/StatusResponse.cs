namespace EtcdNet;

/// <summary>The status of one member (etcd Status).</summary>
public sealed class StatusResponse
{
    internal StatusResponse(Protocol.Rpc.StatusResponse response)
    {
        Header = ResponseHeader.From(response.Header);
        Version = response.Version;
        DbSize = response.DbSize;
        Leader = response.Leader;
        RaftIndex = response.RaftIndex;
        RaftTerm = response.RaftTerm;
        RaftAppliedIndex = response.RaftAppliedIndex;
        Errors = [.. response.Errors];
        DbSizeInUse = response.DbSizeInUse;
        IsLearner = response.IsLearner;
    }

    /// <summary>The response header; <see cref="ResponseHeader.MemberId"/> is the member that answered.</summary>
    public ResponseHeader Header { get; }

    /// <summary>The member's etcd server version, e.g. <c>3.4.23</c>.</summary>
    public string Version { get; }

    /// <summary>The size of the member's backend database file, in bytes.</summary>
    public long DbSize { get; }

    /// <summary>The member ID of the leader this member knows; 0 when it knows none.</summary>
    public ulong Leader { get; }

    /// <summary>The member's committed raft index.</summary>
    public ulong RaftIndex { get; }

    /// <summary>The member's raft term.</summary>
    public ulong RaftTerm { get; }

    /// <summary>The raft index the member has applied.</summary>
    public ulong RaftAppliedIndex { get; }

    /// <summary>The member's problems, e.g. <c>etcdserver: no leader</c> or a raised alarm (<c>memberID:... alarm:NOSPACE</c>).</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>The bytes of the backend database in use; the rest of <see cref="DbSize"/> is free space a defragmentation returns.</summary>
    public long DbSizeInUse { get; }

    /// <summary>True when the member is a learner.</summary>
    public bool IsLearner { get; }
}
