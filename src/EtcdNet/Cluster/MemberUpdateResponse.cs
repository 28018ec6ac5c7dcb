namespace EtcdNet;

/// <summary>The result of changing a member's peer URLs (etcd MemberUpdate).</summary>
public sealed class MemberUpdateResponse
{
    internal MemberUpdateResponse(Protocol.Rpc.MemberUpdateResponse response)
    {
        Header = ResponseHeader.From(response.Header);
        Members = Member.Wrap(response.Members);
    }

    /// <summary>The response header.</summary>
    public ResponseHeader Header { get; }

    /// <summary>The members of the cluster after the change.</summary>
    public IReadOnlyList<Member> Members { get; }
}
