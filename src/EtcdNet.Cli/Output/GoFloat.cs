using System.Globalization;
using System.Text;

namespace EtcdNet.Cli.Output;

/// <summary>
/// A float as Go's <c>%g</c> verb writes it: the fewest digits that read back as the same value, in exponent form
/// ("1.2345e-05", "1e+21") when the decimal exponent is below -4 or at least 6, else plainly ("0.00012", "12345.678").
/// </summary>
internal static class GoFloat
{
    private const int ExponentLimit = 6;

    public static string G(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "+Inf" : "-Inf";
        }

        var sign = double.IsNegative(value) ? "-" : string.Empty;
        if (value == 0)
        {
            return sign + "0";
        }

        var (digits, point) = ShortestDigits(Math.Abs(value));
        var exponent = point - 1;
        var text = new StringBuilder(sign);
        if (exponent < -4 || exponent >= ExponentLimit)
        {
            text.Append(digits[0]);
            if (digits.Length > 1)
            {
                text.Append('.').Append(digits, 1, digits.Length - 1);
            }

            text.Append('e').Append(exponent < 0 ? '-' : '+').Append(Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture));
        }
        else if (point <= 0)
        {
            text.Append("0.").Append('0', -point).Append(digits);
        }
        else if (point >= digits.Length)
        {
            text.Append(digits).Append('0', point - digits.Length);
        }
        else
        {
            text.Append(digits, 0, point).Append('.').Append(digits, point, digits.Length - point);
        }

        return text.ToString();
    }

    /// <summary>
    /// The shortest round-trip decimal digits of a positive finite <paramref name="value"/> (no leading or trailing
    /// zeros) and the position of the decimal point relative to them (value = 0.digits × 10^point).
    /// </summary>
    private static (string Digits, int Point) ShortestDigits(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var point = dot >= 0 ? dot : text.Length;
        var digits = dot >= 0 ? text.Remove(dot, 1) : text;
        var leading = 0;
        while (leading < digits.Length - 1 && digits[leading] == '0')
        {
            leading++;
        }

        return (digits[leading..].TrimEnd('0'), point - leading + exponent);
    }
}
