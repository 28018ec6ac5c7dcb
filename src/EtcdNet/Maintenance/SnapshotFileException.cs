namespace EtcdNet;

/// <summary>
/// A file given to <see cref="EtcdSnapshotFile"/> is not a readable etcd snapshot. <see cref="Fault"/> tells
/// what is wrong; <see cref="Problems"/> lists each inconsistency the integrity check found.
/// </summary>
public sealed class SnapshotFileException : IOException
{
    /// <summary>Creates the exception for a <see cref="SnapshotFileFault.Corrupt"/> file.</summary>
    public SnapshotFileException() : this(SnapshotFileFault.Corrupt, "The file is not a valid etcd snapshot.") { }

    /// <summary>Creates the exception for a <see cref="SnapshotFileFault.Corrupt"/> file.</summary>
    /// <param name="message">The exception message.</param>
    public SnapshotFileException(string message) : this(SnapshotFileFault.Corrupt, message) { }

    /// <summary>Creates the exception for a <see cref="SnapshotFileFault.Corrupt"/> file.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="innerException">The underlying failure.</param>
    public SnapshotFileException(string message, Exception? innerException)
        : this(SnapshotFileFault.Corrupt, message, problems: null, innerException) { }

    /// <summary>Creates the exception.</summary>
    /// <param name="fault">What is wrong with the file.</param>
    /// <param name="message">The exception message.</param>
    /// <param name="problems">Each inconsistency found; when null, the message is the only one.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public SnapshotFileException(SnapshotFileFault fault, string message, IReadOnlyList<string>? problems = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Fault = fault;
        Problems = problems ?? [message];
    }

    /// <summary>What is wrong with the file.</summary>
    public SnapshotFileFault Fault { get; }

    /// <summary>Each inconsistency found, one line each (at least one).</summary>
    public IReadOnlyList<string> Problems { get; }
}
