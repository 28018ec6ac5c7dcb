namespace EtcdNet.Cli.Bench;

/// <summary>
/// Keys and values as etcd's benchmark tool makes them: a key is the zig-zag varint of its index in the key space,
/// zero-padded to the key size; a value is random letters.
/// </summary>
internal static class BenchKeys
{
    /// <summary>Writes the key for <paramref name="index"/> into <paramref name="key"/> (its whole length is the key size).</summary>
    public static void Write(Span<byte> key, long index)
    {
        key.Clear();
        var zigzag = (ulong)((index << 1) ^ (index >> 63));
        var i = 0;
        while (zigzag >= 0x80 && i < key.Length)
        {
            key[i++] = (byte)(zigzag | 0x80);
            zigzag >>= 7;
        }

        if (i < key.Length)
        {
            key[i] = (byte)zigzag;
        }
    }

    /// <summary>A new key of <paramref name="size"/> bytes for <paramref name="index"/>.</summary>
    public static byte[] Make(int size, long index)
    {
        var key = new byte[size];
        Write(key, index);
        return key;
    }

    /// <summary>A value of <paramref name="size"/> random lower-case letters.</summary>
    public static byte[] RandomValue(int size, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var value = new byte[size];
        for (var i = 0; i < value.Length; i++)
        {
            value[i] = (byte)('a' + random.Next(26));
        }

        return value;
    }
}
