using System.Text;
using Google.Protobuf;

namespace EtcdNet;

/// <summary>
/// A key or value: a sequence of bytes that converts implicitly from <see cref="string"/> (UTF-8),
/// <see cref="byte"/>[] and <see cref="ReadOnlyMemory{T}"/>, so every API takes text or bytes.
/// Byte arrays and memory are not copied: do not change them until the call that takes them has completed.
/// </summary>
public readonly struct EtcdBytes : IEquatable<EtcdBytes>
{
    private readonly ReadOnlyMemory<byte> _memory;

    /// <summary>Wraps bytes without copying them.</summary>
    /// <param name="memory">The bytes.</param>
    public EtcdBytes(ReadOnlyMemory<byte> memory) => _memory = memory;

    /// <summary>The empty sequence.</summary>
    public static EtcdBytes Empty => default;

    /// <summary>The bytes.</summary>
    public ReadOnlyMemory<byte> Memory => _memory;

    /// <summary>The bytes as a span.</summary>
    public ReadOnlySpan<byte> Span => _memory.Span;

    /// <summary>The number of bytes.</summary>
    public int Length => _memory.Length;

    /// <summary>True when there are no bytes.</summary>
    public bool IsEmpty => _memory.IsEmpty;

    /// <summary>Encodes a string as UTF-8; null becomes empty.</summary>
    /// <param name="text">The text.</param>
    public static implicit operator EtcdBytes(string? text) => FromString(text);

    /// <summary>Wraps a byte array without copying; null becomes empty.</summary>
    /// <param name="bytes">The bytes.</param>
    public static implicit operator EtcdBytes(byte[]? bytes) => new(bytes);

    /// <summary>Wraps memory without copying.</summary>
    /// <param name="memory">The bytes.</param>
    public static implicit operator EtcdBytes(ReadOnlyMemory<byte> memory) => new(memory);

    /// <summary>Equality by content.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator ==(EtcdBytes left, EtcdBytes right) => left.Equals(right);

    /// <summary>Inequality by content.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator !=(EtcdBytes left, EtcdBytes right) => !left.Equals(right);

    /// <summary>Encodes a string as UTF-8; null becomes empty.</summary>
    /// <param name="text">The text.</param>
    public static EtcdBytes FromString(string? text) => string.IsNullOrEmpty(text) ? default : new EtcdBytes(Encoding.UTF8.GetBytes(text));

    /// <summary>Wraps memory without copying.</summary>
    /// <param name="memory">The bytes.</param>
    public static EtcdBytes FromReadOnlyMemory(ReadOnlyMemory<byte> memory) => new(memory);

    /// <summary>Copies the bytes into a new array.</summary>
    public byte[] ToArray() => _memory.ToArray();

    /// <summary>Decodes the bytes as UTF-8.</summary>
    public override string ToString() => Encoding.UTF8.GetString(_memory.Span);

    /// <inheritdoc />
    public bool Equals(EtcdBytes other) => _memory.Span.SequenceEqual(other._memory.Span);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is EtcdBytes other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_memory.Span);
        return hash.ToHashCode();
    }

    internal ByteString ToByteString() => _memory.IsEmpty ? ByteString.Empty : UnsafeByteOperations.UnsafeWrap(_memory);
}
