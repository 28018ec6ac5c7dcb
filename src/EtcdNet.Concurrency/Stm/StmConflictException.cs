namespace EtcdNet.Concurrency;

/// <summary>
/// Thrown by <see cref="Stm.RunAsync"/> when every one of <see cref="StmOptions.MaxAttempts"/> commits
/// failed because concurrent writers changed the keys the transaction depends on. Nothing was written.
/// </summary>
public sealed class StmConflictException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public StmConflictException() : this("The STM transaction kept conflicting with concurrent writers and was given up.") { }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public StmConflictException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public StmConflictException(string message, Exception? innerException) : base(message, innerException) { }

    /// <summary>Creates the exception for a transaction given up after <paramref name="attempts"/> conflicting commits.</summary>
    /// <param name="attempts">The number of attempts made.</param>
    public StmConflictException(int attempts)
        : this($"The STM transaction conflicted with concurrent writers on all {attempts} attempts; nothing was written.")
        => Attempts = attempts;

    /// <summary>The number of attempts made, when known; otherwise 0.</summary>
    public int Attempts { get; }
}
