namespace EtcdNet.RobustnessTests.Workload;

/// <summary>How a client misbehaves on purpose, to show that the checkers catch it.</summary>
public enum BrokenMode
{
    /// <summary>The real client, recorded faithfully.</summary>
    None,

    /// <summary>Serializable gets are recorded as linearizable ones (stale reads passed off as current).</summary>
    SerializableAsLinearizable,

    /// <summary>One event of one watch is dropped from what the watch delivered (a watch that skips a resume).</summary>
    LoseOneWatchEvent,
}

/// <summary>One robustness run: a seeded fault schedule against a fresh 3-member cluster while the workload runs.</summary>
public sealed record RunOptions
{
    public int Seed { get; init; } = 1;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The fault kinds to draw from (all by default).</summary>
    public IReadOnlyList<FaultKind> Faults { get; init; } = Enum.GetValues<FaultKind>();

    public BrokenMode Broken { get; init; } = BrokenMode.None;

    /// <summary>
    /// Run with auth enabled: every client logs in as root, tokens expire after 2 s unused, and the schedule adds
    /// <see cref="FaultKind.ExpireTokens"/> (without auth that kind is skipped).
    /// </summary>
    public bool Auth { get; init; }

    /// <summary>Each fault lasts between this and twice this.</summary>
    public TimeSpan FaultHold { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Quiet time after each fault before the next.</summary>
    public TimeSpan Gap { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The keys of single-key operations change every epoch, which bounds each partition of the history.</summary>
    public TimeSpan KeyEpoch { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The per-call deadline of the workload's clients.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Where a failing run keeps its history and logs.</summary>
    public string ArtifactsDirectory { get; init; } = Path.Combine(AppContext.BaseDirectory, "robustness-artifacts");

    public int KvClients { get; init; } = 3;

    public int KvWorkersPerClient { get; init; } = 2;

    public int WatchClients { get; init; } = 2;

    public int LeaseClients { get; init; } = 1;

    public int LockClients { get; init; } = 2;
}
