namespace EtcdNet;

/// <summary>The result of promoting a learner to a voting member (etcd MemberPromote).</summary>
public sealed class MemberPromoteResponse
{
    internal MemberPromoteResponse(Protocol.Rpc.MemberPromoteResponse response)
    {
        Header = ResponseHeader.From(response.Header);
        Members = Member.Wrap(response.Members);
    }

    /// <summary>The response header.</summary>
    public ResponseHeader Header { get; }

    /// <summary>The members of the cluster after the change.</summary>
    public IReadOnlyList<Member> Members { get; }
}
