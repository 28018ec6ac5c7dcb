namespace EtcdNet;

/// <summary>Why a file could not be read as an etcd snapshot (see <see cref="SnapshotFileException"/>).</summary>
public enum SnapshotFileFault
{
    /// <summary>The file is not a bbolt database: shorter than 4096 bytes, or no meta page carries bbolt's magic number.</summary>
    NotBoltDatabase,

    /// <summary>The meta pages carry a bbolt format version other than 2.</summary>
    UnsupportedVersion,

    /// <summary>Neither meta page matches its checksum.</summary>
    ChecksumMismatch,

    /// <summary>The file ends before the pages the database says it has: shorter than two pages, or than its high-water mark.</summary>
    Truncated,

    /// <summary>
    /// The pages do not form a valid database: a page id out of range, a page reached twice (a cycle),
    /// a page of the wrong type, an element outside its page, or a free list that disagrees with the tree.
    /// </summary>
    Corrupt,
}
