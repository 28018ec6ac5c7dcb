using Google.Protobuf;

namespace EtcdNet;

/// <summary>Builds etcd's [key, range_end) encoding for single keys, prefixes, explicit ranges and from-key ranges.</summary>
internal static class KeyRange
{
    private static readonly ByteString Zero = ByteString.CopyFrom(0);

    /// <summary>The smallest key greater than every key with the prefix; "\0" (all keys) when no such key exists.</summary>
    public static ByteString PrefixEnd(ReadOnlySpan<byte> prefix)
    {
        for (var i = prefix.Length - 1; i >= 0; i--)
        {
            if (prefix[i] < 0xff)
            {
                var end = prefix[..(i + 1)].ToArray();
                end[i]++;
                return UnsafeByteOperations.UnsafeWrap(end);
            }
        }

        return Zero;
    }

    /// <summary>Resolves key and range options into the key and range_end sent to etcd.</summary>
    /// <exception cref="ArgumentException">More than one of prefix, range end and from-key was set.</exception>
    public static (ByteString Key, ByteString RangeEnd) Resolve(EtcdBytes key, bool prefix, EtcdBytes? rangeEnd, bool fromKey, string paramName)
    {
        if ((prefix ? 1 : 0) + (rangeEnd.HasValue ? 1 : 0) + (fromKey ? 1 : 0) > 1)
        {
            throw new ArgumentException("Set at most one of Prefix, RangeEnd and FromKey.", paramName);
        }

        if (prefix)
        {
            return key.IsEmpty ? (Zero, Zero) : (key.ToByteString(), PrefixEnd(key.Span));
        }

        if (fromKey)
        {
            return (key.IsEmpty ? Zero : key.ToByteString(), Zero);
        }

        return (key.ToByteString(), rangeEnd?.ToByteString() ?? ByteString.Empty);
    }
}
