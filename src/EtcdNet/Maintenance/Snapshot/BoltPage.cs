using System.Buffers.Binary;

namespace EtcdNet.Maintenance.Snapshot;

/// <summary>
/// Reads a bbolt page held in a span: a 16-byte header (id u64, flags u16, element count u16, overflow
/// page count u32) followed by 16-byte elements. A branch element is (key offset u32, key size u32,
/// child page u64); a leaf element is (flags u32, key offset u32, key size u32, value size u32), the
/// value right after the key. Offsets count from the element's own start. Every accessor checks that
/// what it returns lies inside the span and reports a <see cref="SnapshotFileFault.Corrupt"/> file otherwise.
/// </summary>
internal static class BoltPage
{
    public const int HeaderSize = 16;
    public const int ElementSize = 16;
    public const ushort BranchFlag = 0x01;
    public const ushort LeafFlag = 0x02;
    public const ushort MetaFlag = 0x04;
    public const ushort FreelistFlag = 0x10;

    /// <summary>The leaf element flag that marks the value as a nested bucket.</summary>
    public const uint BucketElementFlag = 0x01;

    public static ulong Id(ReadOnlySpan<byte> page) => BinaryPrimitives.ReadUInt64LittleEndian(page);

    public static ushort Flags(ReadOnlySpan<byte> page) => BinaryPrimitives.ReadUInt16LittleEndian(page[8..]);

    public static ushort Count(ReadOnlySpan<byte> page) => BinaryPrimitives.ReadUInt16LittleEndian(page[10..]);

    public static uint Overflow(ReadOnlySpan<byte> page) => BinaryPrimitives.ReadUInt32LittleEndian(page[12..]);

    /// <summary>bbolt's name for the page type in <paramref name="flags"/>.</summary>
    public static string TypeName(ushort flags) =>
        (flags & BranchFlag) != 0 ? "branch"
        : (flags & LeafFlag) != 0 ? "leaf"
        : (flags & MetaFlag) != 0 ? "meta"
        : (flags & FreelistFlag) != 0 ? "freelist"
        : $"unknown<{flags:x2}>";

    /// <summary>How errors name a page: by id, or as an inline bucket's page (id 0, which is never a data page).</summary>
    public static string Where(ulong pageId) => pageId == 0 ? "an inline bucket's page" : $"page {pageId}";

    /// <summary>The child page of branch element <paramref name="index"/>.</summary>
    public static ulong BranchChild(ReadOnlySpan<byte> page, int index, ulong pageId)
    {
        var element = Element(page, index, pageId);
        var position = BinaryPrimitives.ReadUInt32LittleEndian(element);
        var keySize = BinaryPrimitives.ReadUInt32LittleEndian(element[4..]);
        CheckInside(page, index, position, keySize, pageId);
        return BinaryPrimitives.ReadUInt64LittleEndian(element[8..]);
    }

    /// <summary>The flags, key and value of leaf element <paramref name="index"/>.</summary>
    public static uint LeafEntry(ReadOnlySpan<byte> page, int index, ulong pageId, out ReadOnlySpan<byte> key, out ReadOnlySpan<byte> value)
    {
        var element = Element(page, index, pageId);
        var flags = BinaryPrimitives.ReadUInt32LittleEndian(element);
        var position = BinaryPrimitives.ReadUInt32LittleEndian(element[4..]);
        var keySize = BinaryPrimitives.ReadUInt32LittleEndian(element[8..]);
        var valueSize = BinaryPrimitives.ReadUInt32LittleEndian(element[12..]);
        CheckInside(page, index, position, (ulong)keySize + valueSize, pageId);
        var start = HeaderSize + (index * ElementSize) + (int)position;
        key = page.Slice(start, (int)keySize);
        value = page.Slice(start + (int)keySize, (int)valueSize);
        return flags;
    }

    private static ReadOnlySpan<byte> Element(ReadOnlySpan<byte> page, int index, ulong pageId)
    {
        var start = HeaderSize + ((long)index * ElementSize);
        if (start + ElementSize > page.Length)
        {
            throw SnapshotErrors.Corrupt($"{Where(pageId)}: element {index} of {Count(page)} lies outside the page");
        }

        return page.Slice((int)start, ElementSize);
    }

    private static void CheckInside(ReadOnlySpan<byte> page, int index, uint position, ulong size, ulong pageId)
    {
        var start = HeaderSize + ((ulong)index * ElementSize) + position;
        if (start + size > (ulong)page.Length)
        {
            throw SnapshotErrors.Corrupt($"{Where(pageId)}: the data of element {index} lies outside the page");
        }
    }
}
