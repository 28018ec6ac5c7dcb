using System.Text;

namespace EtcdNet.Transport.Http2;

/// <summary>
/// Decodes HPACK header blocks (RFC 7541) for one connection: the static table, the dynamic table the peer's
/// encoder fills, integers, and plain or Huffman-coded strings. Names and values are read as Latin-1, so a
/// string's length is its size in octets.
/// </summary>
internal sealed class HpackDecoder
{
    private const int EntryOverhead = 32;

    private readonly List<(string Name, string Value)> _dynamic = []; // newest last
    private readonly int _maxTableSizeLimit;
    private int _maxTableSize;
    private int _tableSize;
    private byte[] _scratch = new byte[256];

    /// <param name="maxTableSize">The SETTINGS_HEADER_TABLE_SIZE this side announced.</param>
    public HpackDecoder(int maxTableSize = 4096)
    {
        _maxTableSizeLimit = maxTableSize;
        _maxTableSize = maxTableSize;
    }

    /// <summary>Decodes a complete header block, adding each field to <paramref name="fields"/>.</summary>
    /// <exception cref="InvalidDataException">The block is malformed (a connection error: the table state is lost).</exception>
    public void Decode(ReadOnlySpan<byte> block, List<(string Name, string Value)> fields)
    {
        var position = 0;
        while (position < block.Length)
        {
            var first = block[position];
            if ((first & 0x80) != 0)
            {
                fields.Add(Entry(ReadInteger(block, ref position, 7)));
            }
            else if ((first & 0xC0) == 0x40)
            {
                var field = ReadLiteral(block, ref position, 6);
                fields.Add(field);
                Insert(field);
            }
            else if ((first & 0xE0) == 0x20)
            {
                var size = ReadInteger(block, ref position, 5);
                if (size > _maxTableSizeLimit)
                {
                    throw new InvalidDataException($"HPACK table size update to {size} exceeds the announced {_maxTableSizeLimit}.");
                }

                _maxTableSize = size;
                Evict(0);
            }
            else
            {
                fields.Add(ReadLiteral(block, ref position, 4)); // without indexing or never indexed
            }
        }
    }

    private (string, string) ReadLiteral(ReadOnlySpan<byte> block, ref int position, int prefixBits)
    {
        var index = ReadInteger(block, ref position, prefixBits);
        var name = index == 0 ? ReadString(block, ref position) : Entry(index).Name;
        return (name, ReadString(block, ref position));
    }

    private (string Name, string Value) Entry(int index)
    {
        if (index <= 0)
        {
            throw new InvalidDataException("HPACK index 0 is not valid.");
        }

        if (index <= HpackStaticTable.Count)
        {
            return HpackStaticTable.Get(index);
        }

        var dynamicIndex = index - HpackStaticTable.Count;
        return dynamicIndex <= _dynamic.Count
            ? _dynamic[_dynamic.Count - dynamicIndex]
            : throw new InvalidDataException($"HPACK index {index} is outside the tables.");
    }

    private void Insert((string Name, string Value) field)
    {
        var size = field.Name.Length + field.Value.Length + EntryOverhead;
        if (size > _maxTableSize)
        {
            _dynamic.Clear(); // an entry larger than the table empties it (RFC 7541 §4.4)
            _tableSize = 0;
            return;
        }

        Evict(size);
        _dynamic.Add(field);
        _tableSize += size;
    }

    private void Evict(int room)
    {
        var drop = 0;
        while (_tableSize + room > _maxTableSize && drop < _dynamic.Count)
        {
            var (name, value) = _dynamic[drop++];
            _tableSize -= name.Length + value.Length + EntryOverhead;
        }

        _dynamic.RemoveRange(0, drop);
    }

    private string ReadString(ReadOnlySpan<byte> block, ref int position)
    {
        if (position >= block.Length)
        {
            throw new InvalidDataException("An HPACK string is truncated.");
        }

        var huffman = (block[position] & 0x80) != 0;
        var length = ReadInteger(block, ref position, 7);
        if (length > block.Length - position)
        {
            throw new InvalidDataException("An HPACK string is longer than its header block.");
        }

        var raw = block.Slice(position, length);
        position += length;
        if (!huffman)
        {
            return Encoding.Latin1.GetString(raw);
        }

        var needed = HpackHuffman.MaxDecodedLength(length);
        if (_scratch.Length < needed)
        {
            _scratch = new byte[Math.Max(needed, _scratch.Length * 2)];
        }

        var decoded = HpackHuffman.Decode(raw, _scratch);
        return Encoding.Latin1.GetString(_scratch, 0, decoded);
    }

    /// <summary>Reads an HPACK integer whose first octet keeps <paramref name="prefixBits"/> bits for it (RFC 7541 §5.1).</summary>
    internal static int ReadInteger(ReadOnlySpan<byte> block, ref int position, int prefixBits)
    {
        if (position >= block.Length)
        {
            throw new InvalidDataException("An HPACK integer is truncated.");
        }

        var mask = (1 << prefixBits) - 1;
        var value = block[position++] & mask;
        if (value < mask)
        {
            return value;
        }

        var shift = 0;
        while (true)
        {
            if (position >= block.Length || shift > 21)
            {
                throw new InvalidDataException("An HPACK integer is truncated or too large.");
            }

            var b = block[position++];
            value += (b & 0x7F) << shift;
            shift += 7;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
    }
}
