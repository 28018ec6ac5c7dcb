namespace EtcdNet.Cli.Check;

/// <summary>The outcome of a check: the lines to print on stdout, in order, and whether it passed (exit 0) or failed (exit 1).</summary>
/// <param name="Lines">Lines without line ends.</param>
/// <param name="Passed">True when every criterion was met.</param>
internal sealed record CheckVerdict(IReadOnlyList<string> Lines, bool Passed);
