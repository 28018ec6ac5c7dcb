using System.Buffers.Binary;
using System.Numerics;

namespace EtcdNet.Maintenance.Snapshot;

/// <summary>
/// A running CRC-32C (Castagnoli polynomial, reflected, initial value and final XOR all ones), the
/// checksum Go's <c>crc32.MakeTable(crc32.Castagnoli)</c> gives. The per-step arithmetic is
/// <see cref="BitOperations.Crc32C(uint, ulong)"/>, which uses the CPU's instruction where there is one.
/// </summary>
internal sealed class Crc32C
{
    private uint _state = uint.MaxValue;

    /// <summary>The checksum of everything appended so far.</summary>
    public uint Value => ~_state;

    /// <summary>Feeds <paramref name="data"/> into the checksum.</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        var state = _state;
        while (data.Length >= sizeof(ulong))
        {
            state = BitOperations.Crc32C(state, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[sizeof(ulong)..];
        }

        foreach (var b in data)
        {
            state = BitOperations.Crc32C(state, b);
        }

        _state = state;
    }
}
