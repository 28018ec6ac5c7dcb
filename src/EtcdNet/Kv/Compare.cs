using Google.Protobuf;
using Proto = EtcdNet.Protocol.Rpc;

namespace EtcdNet;

/// <summary>
/// A condition of a transaction: a field of a key (or of every key in a range or prefix) compared
/// with an operand. Immutable: <see cref="WithRange"/> and <see cref="WithPrefix"/> return new instances.
/// </summary>
public sealed class Compare
{
    private readonly EtcdBytes _key;
    private readonly ByteString? _rangeEnd;
    private readonly long _number;
    private readonly EtcdBytes _value;

    private Compare(EtcdBytes key, CompareTarget target, CompareOp op, long number, EtcdBytes value, ByteString? rangeEnd)
    {
        if (!Enum.IsDefined(op))
        {
            throw new ArgumentOutOfRangeException(nameof(op), op, "Unknown comparison.");
        }

        _key = key;
        Target = target;
        Op = op;
        _number = number;
        _value = value;
        _rangeEnd = rangeEnd;
    }

    /// <summary>The field compared.</summary>
    public CompareTarget Target { get; }

    /// <summary>The comparison.</summary>
    public CompareOp Op { get; }

    /// <summary>Compares the key's value, lexically.</summary>
    /// <param name="key">The key.</param>
    /// <param name="op">The comparison.</param>
    /// <param name="value">The operand.</param>
    public static Compare Value(EtcdBytes key, CompareOp op, EtcdBytes value) => new(key, CompareTarget.Value, op, 0, value, null);

    /// <summary>Compares the key's version (0 means the key does not exist).</summary>
    /// <param name="key">The key.</param>
    /// <param name="op">The comparison.</param>
    /// <param name="version">The operand.</param>
    public static Compare Version(EtcdBytes key, CompareOp op, long version) => new(key, CompareTarget.Version, op, version, default, null);

    /// <summary>Compares the key's creation revision (0 means the key does not exist).</summary>
    /// <param name="key">The key.</param>
    /// <param name="op">The comparison.</param>
    /// <param name="revision">The operand.</param>
    public static Compare CreateRevision(EtcdBytes key, CompareOp op, long revision) => new(key, CompareTarget.CreateRevision, op, revision, default, null);

    /// <summary>Compares the key's modification revision.</summary>
    /// <param name="key">The key.</param>
    /// <param name="op">The comparison.</param>
    /// <param name="revision">The operand.</param>
    public static Compare ModRevision(EtcdBytes key, CompareOp op, long revision) => new(key, CompareTarget.ModRevision, op, revision, default, null);

    /// <summary>Compares the ID of the key's lease (0 means no lease).</summary>
    /// <param name="key">The key.</param>
    /// <param name="op">The comparison.</param>
    /// <param name="leaseId">The operand.</param>
    public static Compare Lease(EtcdBytes key, CompareOp op, long leaseId) => new(key, CompareTarget.Lease, op, leaseId, default, null);

    /// <summary>Applies the comparison to every key in [key, <paramref name="rangeEnd"/>): it holds only if it holds for each.</summary>
    /// <param name="rangeEnd">The exclusive end of the range.</param>
    public Compare WithRange(EtcdBytes rangeEnd) => new(_key, Target, Op, _number, _value, rangeEnd.ToByteString());

    /// <summary>Applies the comparison to every key that starts with the key: it holds only if it holds for each.</summary>
    public Compare WithPrefix() => new(_key, Target, Op, _number, _value, KeyRange.PrefixEnd(_key.Span));

    internal Proto.Compare ToProto()
    {
        var compare = new Proto.Compare
        {
            Key = _key.ToByteString(),
            Result = (Proto.Compare.Types.CompareResult)Op,
            Target = (Proto.Compare.Types.CompareTarget)Target,
        };
        if (_rangeEnd is not null)
        {
            compare.RangeEnd = _rangeEnd;
        }

        switch (Target)
        {
            case CompareTarget.Version: compare.Version = _number; break;
            case CompareTarget.CreateRevision: compare.CreateRevision = _number; break;
            case CompareTarget.ModRevision: compare.ModRevision = _number; break;
            case CompareTarget.Lease: compare.Lease = _number; break;
            default: compare.Value = _value.ToByteString(); break;
        }

        return compare;
    }
}
