namespace EtcdNet;

/// <summary>The result of removing a member (etcd MemberRemove).</summary>
public sealed class MemberRemoveResponse
{
    internal MemberRemoveResponse(Protocol.Rpc.MemberRemoveResponse response)
    {
        Header = ResponseHeader.From(response.Header);
        Members = Member.Wrap(response.Members);
    }

    /// <summary>The response header.</summary>
    public ResponseHeader Header { get; }

    /// <summary>The members of the cluster after the change.</summary>
    public IReadOnlyList<Member> Members { get; }
}
