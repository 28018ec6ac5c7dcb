namespace EtcdNet.Maintenance.Snapshot;

/// <summary>The <see cref="SnapshotFileException"/>s the snapshot reader throws, with their wording in one place.</summary>
internal static class SnapshotErrors
{
    public static SnapshotFileException Corrupt(string problem)
        => new(SnapshotFileFault.Corrupt, $"snapshot file integrity check failed: {problem}");

    public static SnapshotFileException IntegrityCheckFailed(IReadOnlyList<string> problems, long total)
    {
        var shown = string.Join("; ", problems);
        var more = total > problems.Count ? $"; and {total - problems.Count} more" : string.Empty;
        var noun = total == 1 ? "problem" : "problems";
        return new(SnapshotFileFault.Corrupt, $"snapshot file integrity check failed: {total} {noun} found: {shown}{more}", problems);
    }

    public static SnapshotFileException Truncated(string detail)
        => new(SnapshotFileFault.Truncated, $"snapshot file is truncated: {detail}");

    public static SnapshotFileException BadMeta(SnapshotFileFault fault) => fault switch
    {
        SnapshotFileFault.NotBoltDatabase => new(fault, "not a bbolt database: no meta page carries bbolt's magic number"),
        SnapshotFileFault.UnsupportedVersion => new(fault, $"not a bbolt database of format version {BoltMeta.BoltVersion}"),
        SnapshotFileFault.ChecksumMismatch => new(fault, "neither meta page of the bbolt database matches its checksum"),
        _ => new(fault, "the meta pages of the bbolt database are not usable"),
    };
}
