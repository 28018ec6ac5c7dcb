namespace EtcdNet.Concurrency;

/// <summary>
/// A recipe tried to create a key that already exists (Go's <c>recipe.ErrKeyExists</c>), for example
/// <see cref="EtcdBarrier.HoldAsync"/> on a barrier that is already held.
/// </summary>
public sealed class EtcdKeyExistsException : EtcdException
{
    /// <summary>Creates the exception with a default message.</summary>
    public EtcdKeyExistsException() : base("The key already exists.") { }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The exception message.</param>
    public EtcdKeyExistsException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="innerException">The underlying failure.</param>
    public EtcdKeyExistsException(string message, Exception? innerException) : base(message, innerException) { }

    /// <summary>Creates the exception for a key.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="key">The key that already exists.</param>
    internal EtcdKeyExistsException(string message, string key) : base(message) => Key = key;

    /// <summary>The key that already exists, when known.</summary>
    public string? Key { get; }
}
