using System.Globalization;
using System.Text.RegularExpressions;

namespace EtcdNet.Cli.Tests;

/// <summary>Reads the numbers back out of a text bench report.</summary>
internal static partial class BenchReportParser
{
    [GeneratedRegex(@"^  (?<p>[0-9.]+)% in (?<s>[0-9.]+) secs\.$", RegexOptions.Multiline)]
    private static partial Regex PercentileLine();

    [GeneratedRegex(@"^  (?<mark>[0-9.]+) \[(?<count>\d+)\]\t\|(?<bar>∎*)$", RegexOptions.Multiline)]
    private static partial Regex HistogramLine();

    public static IReadOnlyList<(double Percent, double Seconds)> Percentiles(string report)
        => [.. PercentileLine().Matches(report).Select(m => (Number(m.Groups["p"].Value), Number(m.Groups["s"].Value)))];

    public static IReadOnlyList<(double Mark, long Count, int Bar)> Histogram(string report)
        => [.. HistogramLine().Matches(report).Select(m => (Number(m.Groups["mark"].Value), long.Parse(m.Groups["count"].Value, CultureInfo.InvariantCulture), m.Groups["bar"].Value.Length))];

    public static string Line(string report, string label)
        => report.Split('\n').Single(l => l.StartsWith("  " + label + ":\t", StringComparison.Ordinal));

    public static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
