using System.Globalization;

namespace EtcdNet.Transport;

/// <summary>Encodes and parses the <c>grpc-timeout</c> header: at most 8 digits and a unit (H, M, S, m, u, n).</summary>
internal static class GrpcTimeout
{
    public const string Header = "grpc-timeout";
    private const long MaxValue = 99_999_999;

    /// <summary>Encodes a positive timeout in the finest unit that fits in 8 digits, rounding up so it never shortens.</summary>
    public static string Encode(TimeSpan timeout)
    {
        var ticks = Math.Max(timeout.Ticks, 1);
        // 1 tick = 100 ns. Try units from fine to coarse.
        if (ticks <= MaxValue / 100)
        {
            return Format(ticks * 100, 'n');
        }

        ReadOnlySpan<(long TicksPerUnit, char Unit)> units =
        [
            (TimeSpan.TicksPerMicrosecond, 'u'),
            (TimeSpan.TicksPerMillisecond, 'm'),
            (TimeSpan.TicksPerSecond, 'S'),
            (TimeSpan.TicksPerMinute, 'M'),
            (TimeSpan.TicksPerHour, 'H'),
        ];
        foreach (var (perUnit, unit) in units)
        {
            var value = (ticks / perUnit) + (ticks % perUnit == 0 ? 0 : 1); // round up without overflow
            if (value <= MaxValue)
            {
                return Format(value, unit);
            }
        }

        return Format(MaxValue, 'H');
    }

    /// <summary>Parses a header value; null when it is not a valid grpc-timeout.</summary>
    public static TimeSpan? TryParse(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length < 2 || value.Length > 9)
        {
            return null;
        }

        if (!long.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return null;
        }

        return value[^1] switch
        {
            'H' => TimeSpan.FromHours(amount),
            'M' => TimeSpan.FromMinutes(amount),
            'S' => TimeSpan.FromSeconds(amount),
            'm' => TimeSpan.FromMilliseconds(amount),
            'u' => TimeSpan.FromTicks(amount * 10),
            'n' => TimeSpan.FromTicks(amount / 100),
            _ => null,
        };
    }

    private static string Format(long value, char unit) => value.ToString(CultureInfo.InvariantCulture) + unit;
}
