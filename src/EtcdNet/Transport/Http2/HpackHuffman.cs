namespace EtcdNet.Transport.Http2;

/// <summary>
/// Decodes HPACK's Huffman-coded strings (RFC 7541 §5.2, Appendix B). The code is canonical: codes of one length
/// are consecutive and ordered by symbol, so the table is fully described by each symbol's code length.
/// </summary>
internal static class HpackHuffman
{
    private const int EndOfString = 256;
    private const int MaxCodeLength = 30;

    /// <summary>Code length in bits of each symbol 0–255 and of the end-of-string symbol 256 (RFC 7541 Appendix B).</summary>
    private static ReadOnlySpan<byte> CodeLengths =>
    [
        13, 23, 28, 28, 28, 28, 28, 28, 28, 24, 30, 28, 28, 30, 28, 28,
        28, 28, 28, 28, 28, 28, 30, 28, 28, 28, 28, 28, 28, 28, 28, 28,
        6, 10, 10, 12, 13, 6, 8, 11, 10, 10, 8, 11, 8, 6, 6, 6,
        5, 5, 5, 6, 6, 6, 6, 6, 6, 6, 7, 8, 15, 6, 12, 10,
        13, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,
        7, 7, 7, 7, 7, 7, 7, 7, 8, 7, 8, 13, 19, 13, 14, 6,
        15, 5, 6, 5, 6, 5, 6, 6, 6, 5, 7, 7, 6, 6, 6, 5,
        6, 7, 6, 5, 5, 6, 7, 7, 7, 7, 7, 15, 11, 14, 13, 28,
        20, 22, 20, 20, 22, 22, 22, 23, 22, 23, 23, 23, 23, 23, 24, 23,
        24, 24, 22, 23, 24, 23, 23, 23, 23, 21, 22, 23, 22, 23, 23, 24,
        22, 21, 20, 22, 22, 23, 23, 21, 23, 22, 22, 24, 21, 22, 23, 23,
        21, 21, 22, 21, 23, 22, 23, 23, 20, 22, 22, 22, 23, 22, 22, 23,
        26, 26, 20, 19, 22, 23, 22, 25, 26, 26, 26, 27, 27, 26, 24, 25,
        19, 21, 26, 27, 27, 26, 27, 24, 21, 21, 26, 26, 28, 27, 27, 27,
        20, 24, 20, 21, 22, 21, 21, 23, 22, 22, 25, 25, 24, 24, 26, 23,
        26, 27, 26, 26, 27, 27, 27, 27, 27, 28, 27, 27, 27, 27, 27, 26,
        30,    ];

    private static readonly (uint[] FirstCode, int[] FirstIndex, int[] Count, short[] Symbols) Table = Build();

    /// <summary>Decodes <paramref name="source"/> into <paramref name="destination"/>, returning the number of bytes written.</summary>
    /// <exception cref="InvalidDataException">The input is not a valid Huffman-coded string.</exception>
    public static int Decode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var (firstCode, firstIndex, count, symbols) = Table;
        var written = 0;
        uint code = 0;
        var length = 0;
        var allOnes = true;
        foreach (var b in source)
        {
            for (var bit = 7; bit >= 0; bit--)
            {
                var one = (b >> bit) & 1;
                code = (code << 1) | (uint)one;
                allOnes &= one == 1;
                length++;
                var offset = code - firstCode[length];
                if (count[length] > 0 && code >= firstCode[length] && offset < (uint)count[length])
                {
                    var symbol = symbols[firstIndex[length] + (int)offset];
                    if (symbol == EndOfString)
                    {
                        throw new InvalidDataException("A Huffman-coded header contains the end-of-string symbol.");
                    }

                    if (written == destination.Length)
                    {
                        throw new InvalidDataException("A Huffman-coded header is longer than its buffer.");
                    }

                    destination[written++] = (byte)symbol;
                    code = 0;
                    length = 0;
                    allOnes = true;
                }
                else if (length == MaxCodeLength)
                {
                    throw new InvalidDataException("A Huffman-coded header contains an invalid code.");
                }
            }
        }

        // What is left must be padding: fewer than 8 bits, all ones (the start of the end-of-string code).
        if (length > 7 || !allOnes)
        {
            throw new InvalidDataException("A Huffman-coded header has invalid padding.");
        }

        return written;
    }

    /// <summary>The longest output <paramref name="encodedLength"/> bytes can decode to (the shortest code is 5 bits).</summary>
    public static int MaxDecodedLength(int encodedLength) => (encodedLength * 8 / 5) + 1;

    private static (uint[], int[], int[], short[]) Build()
    {
        var lengths = CodeLengths;
        var count = new int[MaxCodeLength + 1];
        foreach (var l in lengths)
        {
            count[l]++;
        }

        var firstCode = new uint[MaxCodeLength + 1];
        var firstIndex = new int[MaxCodeLength + 1];
        uint next = 0;
        var index = 0;
        for (var l = 1; l <= MaxCodeLength; l++)
        {
            firstCode[l] = next;
            firstIndex[l] = index;
            index += count[l];
            next = (next + (uint)count[l]) << 1;
        }

        var symbols = new short[lengths.Length];
        var fill = (int[])firstIndex.Clone();
        for (short s = 0; s < lengths.Length; s++)
        {
            symbols[fill[lengths[s]]++] = s;
        }

        return (firstCode, firstIndex, count, symbols);
    }
}
