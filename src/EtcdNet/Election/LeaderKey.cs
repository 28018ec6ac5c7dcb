using Google.Protobuf;

namespace EtcdNet;

/// <summary>
/// A leadership held in an election, as returned by <see cref="IElectionClient.CampaignAsync"/>: pass it to
/// <see cref="IElectionClient.ProclaimAsync"/> and <see cref="IElectionClient.ResignAsync"/>. It can be stored
/// and rebuilt with the public constructor (for example by another process taking over the same lease).
/// </summary>
public sealed class LeaderKey
{
    private readonly ByteString _name;
    private readonly ByteString _key;

    /// <summary>Rebuilds a leader key from its parts (the bytes are copied).</summary>
    /// <param name="name">The election's name.</param>
    /// <param name="key">The leadership key, <c>{name}/{lease ID in hex}</c>.</param>
    /// <param name="rev">The leadership key's create revision.</param>
    /// <param name="lease">The lease the leadership is attached to.</param>
    public LeaderKey(EtcdBytes name, EtcdBytes key, long rev, long lease)
        : this(ByteString.CopyFrom(name.Span), ByteString.CopyFrom(key.Span), rev, lease)
    {
    }

    private LeaderKey(ByteString name, ByteString key, long rev, long lease)
    {
        _name = name;
        _key = key;
        Rev = rev;
        Lease = lease;
    }

    /// <summary>The election's name.</summary>
    public ReadOnlyMemory<byte> Name => _name.Memory;

    /// <summary>The election's name decoded as UTF-8.</summary>
    public string NameString => _name.ToStringUtf8();

    /// <summary>
    /// The leadership key, <c>{name}/{lease ID in hex}</c>, holding the proclaimed value. Leadership ends
    /// when it is deleted (resignation, or expiry of the lease).
    /// </summary>
    public ReadOnlyMemory<byte> Key => _key.Memory;

    /// <summary>The leadership key decoded as UTF-8.</summary>
    public string KeyString => _key.ToStringUtf8();

    /// <summary>
    /// The leadership key's create revision. Like a lock's, it is a fencing token: it grows with every new
    /// leadership, and <c>Compare.CreateRevision(Key, CompareOp.Equal, Rev)</c> in a transaction holds only while this leadership lasts.
    /// </summary>
    public long Rev { get; }

    /// <summary>The ID of the lease the leadership is attached to.</summary>
    public long Lease { get; }

    /// <summary>Returns the key and its revision.</summary>
    public override string ToString() => $"{KeyString}@{Rev}";

    internal static LeaderKey From(Protocol.Election.LeaderKey leader) => new(leader.Name, leader.Key, leader.Rev, leader.Lease);

    internal Protocol.Election.LeaderKey ToProto() => new() { Name = _name, Key = _key, Rev = Rev, Lease = Lease };
}
