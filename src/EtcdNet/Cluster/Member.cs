namespace EtcdNet;

/// <summary>A member of the etcd cluster, as the Cluster API reports it.</summary>
public sealed class Member
{
    internal Member(Protocol.Rpc.Member member)
    {
        Id = member.ID;
        Name = member.Name;
        PeerUrls = [.. member.PeerURLs];
        ClientUrls = [.. member.ClientURLs];
        IsLearner = member.IsLearner;
    }

    /// <summary>The member ID (etcd's <c>ID</c>).</summary>
    public ulong Id { get; }

    /// <summary>The member name (etcd's <c>name</c>); empty while an added member has not started yet.</summary>
    public string Name { get; }

    /// <summary>The URLs the member uses to talk to its peers (etcd's <c>peerURLs</c>).</summary>
    public IReadOnlyList<string> PeerUrls { get; }

    /// <summary>The URLs clients reach the member on (etcd's <c>clientURLs</c>); empty while it has not started yet.</summary>
    public IReadOnlyList<string> ClientUrls { get; }

    /// <summary>True for a learner: a non-voting member that receives the log (etcd's <c>isLearner</c>).</summary>
    public bool IsLearner { get; }

    internal static IReadOnlyList<Member> Wrap(IEnumerable<Protocol.Rpc.Member> members) => members.Select(m => new Member(m)).ToArray();

    /// <inheritdoc />
    public override string ToString()
        => $"{Id:x16} {(Name.Length == 0 ? "(unstarted)" : Name)}{(IsLearner ? " learner" : string.Empty)} peers [{string.Join(',', PeerUrls)}] clients [{string.Join(',', ClientUrls)}]";
}
