namespace EtcdNet;

/// <summary>
/// How the client repeats what failed: how many attempts one call makes, and how long it waits before repeating
/// a call, before reopening a stream, and before trying an endpoint that failed again. What each kind of failure
/// does to each kind of call is fixed (see docs/resilience.md); these settings only tune the counts and waits.
/// </summary>
public sealed record EtcdRetryOptions
{
    /// <summary>The defaults.</summary>
    public static readonly EtcdRetryOptions Default = new();

    /// <summary>
    /// How many attempts one unary call may make in all, across endpoints, when failures allow a retry. Default: 10;
    /// 1 disables retries.
    /// </summary>
    public int MaxAttempts { get; init; } = 10;

    /// <summary>
    /// The wait before a unary call is repeated after a temporary refusal (no leader, leader changed, too many
    /// requests) or after every endpoint failed once. Default: 25 ms to 1 s.
    /// </summary>
    public EtcdBackoff CallBackoff { get; init; } = new(TimeSpan.FromMilliseconds(25), TimeSpan.FromSeconds(1));

    /// <summary>
    /// The wait before a watch, lease keep-alive or election observation stream is reopened after it ended without
    /// being asked to; it restarts from the first step once a stream answers. Default: 50 ms to 2 s.
    /// </summary>
    public EtcdBackoff StreamBackoff { get; init; } = new(TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(2));

    /// <summary>
    /// How long an endpoint that failed is left out of the rotation before it is checked again (it returns once it
    /// answers a background check); it grows with each consecutive failure. Default: 500 ms to 10 s.
    /// </summary>
    public EtcdBackoff EndpointBackoff { get; init; } = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(10));
}
