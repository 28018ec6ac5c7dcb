namespace EtcdNet;

/// <summary>A permission of a role over a key, a range [Key, RangeEnd) or a prefix.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "etcd calls it Permission.")]
public sealed class Permission
{
    internal Permission(Protocol.Auth.Permission permission)
    {
        Type = (PermissionType)permission.PermType;
        Key = permission.Key.Memory;
        RangeEnd = permission.RangeEnd.Memory;
    }

    /// <summary>What the permission allows.</summary>
    public PermissionType Type { get; }

    /// <summary>The key, or the first key of the range.</summary>
    public ReadOnlyMemory<byte> Key { get; }

    /// <summary>The exclusive end of the range; empty for a single key; "\0" for every key from <see cref="Key"/> on.</summary>
    public ReadOnlyMemory<byte> RangeEnd { get; }

    /// <summary>The key as UTF-8 text.</summary>
    public string KeyString => System.Text.Encoding.UTF8.GetString(Key.Span);

    /// <summary>The range end as UTF-8 text.</summary>
    public string RangeEndString => System.Text.Encoding.UTF8.GetString(RangeEnd.Span);

    /// <inheritdoc />
    public override string ToString() => RangeEnd.IsEmpty ? $"{Type} {KeyString}" : $"{Type} [{KeyString}, {RangeEndString})";
}
