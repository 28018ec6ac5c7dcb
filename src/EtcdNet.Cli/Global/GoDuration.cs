using System.Globalization;
using System.Text.RegularExpressions;

namespace EtcdNet.Cli.Global;

/// <summary>Durations written as etcdctl takes them: "5s", "1m30s", "250ms", "1.5h" (units ns, us, µs, ms, s, m, h).</summary>
internal static partial class GoDuration
{
    [GeneratedRegex(@"(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)", RegexOptions.CultureInvariant)]
    private static partial Regex Part();

    /// <summary>Parses <paramref name="text"/>; "0" alone is zero.</summary>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        var negative = s.StartsWith('-');
        if (negative || s.StartsWith('+'))
        {
            s = s[1..];
        }

        if (s == "0")
        {
            return true;
        }

        var position = 0;
        double ticks = 0;
        foreach (Match m in Part().Matches(s))
        {
            if (m.Index != position)
            {
                return false;
            }

            position += m.Length;
            var n = double.Parse(m.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
            ticks += n * m.Groups[2].Value switch
            {
                "ns" => 0.01,
                "us" or "µs" => TimeSpan.TicksPerMicrosecond,
                "ms" => TimeSpan.TicksPerMillisecond,
                "s" => TimeSpan.TicksPerSecond,
                "m" => TimeSpan.TicksPerMinute,
                _ => TimeSpan.TicksPerHour,
            };
        }

        if (position == 0 || position != s.Length || ticks > TimeSpan.MaxValue.Ticks)
        {
            return false;
        }

        value = TimeSpan.FromTicks((long)(negative ? -ticks : ticks));
        return true;
    }

    /// <summary>Parses <paramref name="text"/> or throws <see cref="FormatException"/> naming it.</summary>
    public static TimeSpan Parse(string text, string what)
        => TryParse(text, out var value) ? value : throw new FormatException($"invalid duration \"{text}\" for {what} (use a Go duration such as 5s, 250ms or 1m30s)");
}
