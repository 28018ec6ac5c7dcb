using System.Globalization;
using System.Text;

namespace EtcdNet.Cli.Output;

/// <summary>
/// A duration as Go's time.Duration.String() writes it ("1.2601ms", "850µs", "2.5s", "1m3s"): etcdctl's "took", the
/// benchmark tool's per-second samples.
/// </summary>
internal static class GoDurationText
{
    public static string Format(TimeSpan duration) => Format(duration.Ticks * 100);

    public static string Format(long duration)
    {
        var nanoseconds = duration == long.MinValue ? (ulong)long.MaxValue + 1 : (ulong)Math.Abs(duration);
        var sign = duration < 0 ? "-" : string.Empty;
        if (nanoseconds == 0)
        {
            return "0s";
        }

        if (nanoseconds < 1_000_000_000)
        {
            var (digits, unit) = nanoseconds switch
            {
                < 1_000 => (0, "ns"),
                < 1_000_000 => (3, "µs"),
                _ => (6, "ms"),
            };
            return sign + Fraction(nanoseconds, digits) + unit;
        }

        var text = new StringBuilder();
        var seconds = Fraction(nanoseconds % 60_000_000_000, 9);
        var minutes = nanoseconds / 60_000_000_000;
        if (minutes > 0)
        {
            var hours = minutes / 60;
            if (hours > 0)
            {
                text.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
            }

            text.Append((minutes % 60).ToString(CultureInfo.InvariantCulture)).Append('m');
        }

        return sign + text.Append(seconds).Append('s');
    }

    // value / 10^digits with the fraction's trailing zeros (and a bare point) left out.
    private static string Fraction(ulong value, int digits)
    {
        var scale = (ulong)Math.Pow(10, digits);
        var whole = (value / scale).ToString(CultureInfo.InvariantCulture);
        var fraction = value % scale;
        if (digits == 0 || fraction == 0)
        {
            return whole;
        }

        return whole + "." + fraction.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0').TrimEnd('0');
    }
}
