namespace EtcdNet;

/// <summary>The result of adding a member (etcd MemberAdd).</summary>
public sealed class MemberAddResponse
{
    internal MemberAddResponse(Protocol.Rpc.MemberAddResponse response)
    {
        Header = ResponseHeader.From(response.Header);
        Member = new Member(response.Member ?? new Protocol.Rpc.Member());
        Members = Member.Wrap(response.Members);
    }

    /// <summary>The response header.</summary>
    public ResponseHeader Header { get; }

    /// <summary>The added member: its new ID and peer URLs (no name or client URLs until it starts).</summary>
    public Member Member { get; }

    /// <summary>The members of the cluster after the change, the new one included.</summary>
    public IReadOnlyList<Member> Members { get; }
}
