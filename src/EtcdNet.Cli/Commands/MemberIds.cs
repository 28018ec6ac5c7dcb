using EtcdNet.Cli.Errors;
using EtcdNet.Cli.Output;

namespace EtcdNet.Cli.Commands;

/// <summary>Member IDs as etcdctl takes them: hexadecimal, parsed as Go's strconv.ParseUint does.</summary>
internal static class MemberIds
{
    /// <summary>A member ID argument of member remove/update/promote.</summary>
    /// <exception cref="CliException">Not a hex number (exit 128).</exception>
    public static ulong Parse(string text)
        => TryParseUint(text, 16, "ParseUint", text, out var id, out var error)
            ? id
            : throw CliException.BadArgs($"bad member ID arg ({error}), expecting ID in Hex");

    /// <summary>Go's ParseUint: digits of <paramref name="numberBase"/> only (no sign, prefix or underscore).</summary>
    public static bool TryParseUint(string digits, int numberBase, string function, string original, out ulong value, out string error)
    {
        value = 0;
        error = string.Empty;
        if (digits.Length == 0)
        {
            error = $"strconv.{function}: parsing {GoQuote.Quote(original)}: invalid syntax";
            return false;
        }

        foreach (var c in digits)
        {
            var lower = char.ToLowerInvariant(c);
            var digit = lower switch
            {
                >= '0' and <= '9' => lower - '0',
                >= 'a' and <= 'z' => lower - 'a' + 10,
                _ => int.MaxValue,
            };
            if (digit >= numberBase)
            {
                error = $"strconv.{function}: parsing {GoQuote.Quote(original)}: invalid syntax";
                return false;
            }

            if (value > (ulong.MaxValue - (ulong)digit) / (ulong)numberBase)
            {
                error = $"strconv.{function}: parsing {GoQuote.Quote(original)}: value out of range";
                return false;
            }

            value = (value * (ulong)numberBase) + (ulong)digit;
        }

        return true;
    }
}
