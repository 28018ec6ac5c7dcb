namespace EtcdNet;

/// <summary>The header etcd puts on every response.</summary>
/// <param name="ClusterId">The ID of the cluster that answered.</param>
/// <param name="MemberId">The ID of the member that answered.</param>
/// <param name="Revision">The key-value store revision when the request was applied.</param>
/// <param name="RaftTerm">The raft term when the request was applied.</param>
public readonly record struct ResponseHeader(ulong ClusterId, ulong MemberId, long Revision, ulong RaftTerm)
{
    internal static ResponseHeader From(Protocol.Rpc.ResponseHeader? header)
        => header is null ? default : new(header.ClusterId, header.MemberId, header.Revision, header.RaftTerm);
}
