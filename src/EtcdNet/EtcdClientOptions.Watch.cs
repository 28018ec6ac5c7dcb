namespace EtcdNet;

public sealed partial record EtcdClientOptions
{
    /// <summary>The default <see cref="WatchCheckInterval"/>: 1 s.</summary>
    public static readonly TimeSpan DefaultWatchCheckInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a watch stream may go without a message before the client checks its member with a Status call (no
    /// token needed): the member must answer within twice this interval and know a leader, else the stream moves
    /// to another endpoint and resumes every watch there (nothing lost or repeated). This finds a member that is
    /// cut off from its peers (it answers, but sees no new revision) or whose connection swallows bytes, in about
    /// one to three intervals, where the connection's keep-alive ping (<see cref="KeepAliveTime"/> +
    /// <see cref="KeepAliveTimeout"/>) would take 15 s and notices only the second. It costs one Status call per
    /// interval per quiet stream, and only runs when the client has more than one endpoint. Default: 1 s; null
    /// turns the check off.
    /// </summary>
    public TimeSpan? WatchCheckInterval { get; init; } = DefaultWatchCheckInterval;
}
