namespace EtcdNet.RobustnessTests.Checking;

/// <summary>
/// The model's state for one partition of keys: each key's state (null: absent), in the partition's key order, and the
/// highest revision any operation linearized so far has seen. etcd's revision only grows, so an operation linearized
/// later can never report a lower one (a read) or the same one (a write that changed something).
/// </summary>
public sealed class ModelState : IEquatable<ModelState>
{
    private readonly KeyState?[] _keys;
    private readonly int _hash;

    public ModelState(KeyState?[] keys, long maxRevision)
    {
        _keys = keys;
        MaxRevision = maxRevision;
        var hash = new HashCode();
        hash.Add(maxRevision);
        foreach (var key in keys)
        {
            hash.Add(key);
        }

        _hash = hash.ToHashCode();
    }

    public long MaxRevision { get; }

    public KeyState? this[int index] => _keys[index];

    public ModelState With(long maxRevision, params (int Index, KeyState? State)[] changes)
    {
        var keys = (KeyState?[])_keys.Clone();
        foreach (var (index, state) in changes)
        {
            keys[index] = state;
        }

        return new ModelState(keys, maxRevision);
    }

    public bool Equals(ModelState? other) =>
        other is not null && other._hash == _hash && other.MaxRevision == MaxRevision && other._keys.AsSpan().SequenceEqual(_keys);

    public override bool Equals(object? obj) => Equals(obj as ModelState);

    public override int GetHashCode() => _hash;

    public override string ToString() => $"max rev {MaxRevision}: {string.Join(", ", _keys.Select(k => k?.ToString() ?? "absent"))}";
}
