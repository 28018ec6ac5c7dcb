namespace EtcdNet.Concurrency;

/// <summary>Options of <see cref="Stm.RunAsync"/>.</summary>
public sealed record StmOptions
{
    /// <summary>The defaults: no prefetch, <see cref="DefaultMaxAttempts"/> attempts.</summary>
    public static StmOptions Default { get; } = new();

    /// <summary>The default of <see cref="MaxAttempts"/>.</summary>
    public const int DefaultMaxAttempts = 100;

    /// <summary>
    /// Keys read up front, in one round trip, at the start of every attempt (Go's <c>WithPrefetch</c>). They
    /// count as read: the commit checks them like any other read key.
    /// </summary>
    public IEnumerable<string> Prefetch { get; init; } = [];

    /// <summary>
    /// How many times the apply function may run (each run followed by a commit attempt) before
    /// <see cref="StmConflictException"/> is thrown. At least 1; default <see cref="DefaultMaxAttempts"/>.
    /// </summary>
    public int MaxAttempts { get; init; } = DefaultMaxAttempts;
}
