namespace EtcdNet.Cli.Commands;

/// <summary>One watch to run: its key range, options and the command to run per event (empty: none).</summary>
internal sealed record KvWatchRequest(string Key, WatchOptions Options, IReadOnlyList<string> Exec);
