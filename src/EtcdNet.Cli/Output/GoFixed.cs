using System.Globalization;
using System.Numerics;

namespace EtcdNet.Cli.Output;

/// <summary>
/// A float with a fixed number of decimals as Go writes it (<c>%f</c> is 6 decimals, <c>strconv.FormatFloat(v, 'f', n, 64)</c>):
/// the exact binary value rounded to nearest, a tie to even ("0.125" with 2 decimals is "0.12", where .NET's "F2" gives
/// "0.13"); the sign of a negative value that rounds to zero is kept ("-0.00"); NaN and infinities as "NaN", "+Inf", "-Inf".
/// </summary>
internal static class GoFixed
{
    /// <summary>Go's <c>%f</c>: six decimals.</summary>
    public static string F(double value) => Format(value, 6);

    /// <summary><paramref name="value"/> with <paramref name="decimals"/> digits after the point.</summary>
    public static string Format(double value, int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "+Inf" : "-Inf";
        }

        var scaled = Round(Math.Abs(value), decimals).ToString(CultureInfo.InvariantCulture).PadLeft(decimals + 1, '0');
        var sign = double.IsNegative(value) ? "-" : string.Empty;
        return decimals == 0
            ? sign + scaled
            : sign + scaled[..^decimals] + "." + scaled[^decimals..];
    }

    /// <summary><paramref name="value"/> × 10^<paramref name="decimals"/>, rounded half to even, computed exactly.</summary>
    private static BigInteger Round(double value, int decimals)
    {
        // A finite non-negative double is mantissa × 2^exponent.
        var bits = BitConverter.DoubleToInt64Bits(value);
        var biased = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
        int exponent;
        if (biased == 0)
        {
            exponent = -1074;
        }
        else
        {
            mantissa |= 1L << 52;
            exponent = biased - 1075;
        }

        var numerator = new BigInteger(mantissa) * BigInteger.Pow(10, decimals);
        if (exponent >= 0)
        {
            return numerator << exponent;
        }

        var denominator = BigInteger.One << -exponent;
        var quotient = BigInteger.DivRem(numerator, denominator, out var remainder);
        var twice = remainder << 1;
        var comparison = twice.CompareTo(denominator);
        return comparison > 0 || (comparison == 0 && !quotient.IsEven) ? quotient + 1 : quotient;
    }
}
