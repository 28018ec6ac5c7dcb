using System.Buffers.Binary;
using System.Text;

namespace EtcdNet.Maintenance.Snapshot;

/// <summary>Handles one leaf page of a bucket; <paramref name="pageId"/> is 0 for an inline bucket's page.</summary>
internal delegate void LeafVisitor(ReadOnlySpan<byte> page, ulong pageId);

/// <summary>
/// Walks the B+tree of a bucket depth first, handing its leaf pages to a visitor in key order. Every
/// page it reads is marked in a shared reachable set, so a page referenced twice (a cycle, or two
/// parents sharing a child) stops the walk at once; pages must be branch or leaf pages.
/// </summary>
internal sealed class BoltTreeWalker(BoltFile file, PageSet reachable)
{
    /// <summary>The size of a bucket's header inside its value: root page u64, sequence u64.</summary>
    private const int BucketHeaderSize = 16;

    /// <summary>Walks the tree whose root is page <paramref name="root"/>.</summary>
    public async Task WalkAsync(ulong root, LeafVisitor visitor, CancellationToken cancellationToken)
    {
        var pending = new Stack<ulong>();
        pending.Push(root);
        while (pending.TryPop(out var id))
        {
            var page = await file.ReadPageAsync(id, cancellationToken).ConfigureAwait(false);
            Visit(id, page.Span, pending, visitor);
        }
    }

    /// <summary>
    /// Walks the bucket whose value (as stored under its name in the parent) is <paramref name="value"/>:
    /// its own pages, or for an inline bucket (root page 0) the page that follows the header in the value.
    /// </summary>
    public Task WalkBucketAsync(byte[] name, byte[] value, LeafVisitor visitor, CancellationToken cancellationToken)
    {
        if (value.Length < BucketHeaderSize)
        {
            throw SnapshotErrors.Corrupt($"bucket {Name(name)}: its value of {value.Length} bytes is shorter than a bucket header");
        }

        var root = BinaryPrimitives.ReadUInt64LittleEndian(value);
        if (root != 0)
        {
            return WalkAsync(root, visitor, cancellationToken);
        }

        var page = value.AsSpan(BucketHeaderSize);
        if (page.Length < BoltPage.HeaderSize || (BoltPage.Flags(page) & BoltPage.LeafFlag) == 0)
        {
            throw SnapshotErrors.Corrupt($"bucket {Name(name)}: its inline page is not a leaf page");
        }

        visitor(page, 0);
        return Task.CompletedTask;
    }

    /// <summary>A bucket name for a message: quoted UTF-8 text.</summary>
    public static string Name(ReadOnlySpan<byte> name) => $"\"{Encoding.UTF8.GetString(name)}\"";

    private void Visit(ulong id, ReadOnlySpan<byte> page, Stack<ulong> pending, LeafVisitor visitor)
    {
        var overflow = BoltPage.Overflow(page);
        for (var i = 0UL; i <= overflow; i++)
        {
            if (!reachable.Add(id + i))
            {
                throw SnapshotErrors.Corrupt($"page {id + i}: multiple references (a cycle, or a page with two parents)");
            }
        }

        var flags = BoltPage.Flags(page);
        if ((flags & BoltPage.BranchFlag) != 0)
        {
            // Pushed last to first, so that the first child is walked first.
            for (var i = BoltPage.Count(page) - 1; i >= 0; i--)
            {
                pending.Push(BoltPage.BranchChild(page, i, id));
            }
        }
        else if ((flags & BoltPage.LeafFlag) != 0)
        {
            visitor(page, id);
        }
        else
        {
            throw SnapshotErrors.Corrupt($"page {id}: invalid type: {BoltPage.TypeName(flags)}");
        }
    }
}
