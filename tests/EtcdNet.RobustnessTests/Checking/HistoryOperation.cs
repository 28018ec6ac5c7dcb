namespace EtcdNet.RobustnessTests.Checking;

/// <summary>
/// One recorded operation: who ran it, what it asked, when it started and ended (<see cref="System.Diagnostics.Stopwatch"/>
/// ticks; <see cref="long.MaxValue"/> for an operation that may take effect at any time after it started) and what came back.
/// </summary>
public sealed record HistoryOperation(int Id, int Client, KvInput Input, long Call, long Return, Outcome Outcome, KvOutput? Output, string? Error = null)
{
    public override string ToString() => $"#{Id} c{Client} {Input} -> {Outcome} {Output}{(Error is null ? "" : " " + Error)}";

    /// <summary>The operation with its call and return ticks, for a kept history.</summary>
    public string ToLine() => $"{Call} {(Return == long.MaxValue ? "-" : Return.ToString(System.Globalization.CultureInfo.InvariantCulture))} {this}";
}
