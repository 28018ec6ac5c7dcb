namespace EtcdNet;

/// <summary>The cluster's members (etcd MemberList).</summary>
public sealed class MemberListResponse
{
    internal MemberListResponse(Protocol.Rpc.MemberListResponse response)
    {
        Header = ResponseHeader.From(response.Header);
        Members = Member.Wrap(response.Members);
    }

    /// <summary>The response header.</summary>
    public ResponseHeader Header { get; }

    /// <summary>The members of the cluster.</summary>
    public IReadOnlyList<Member> Members { get; }
}
