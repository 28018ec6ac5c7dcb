using System.Globalization;
using EtcdNet.Cli.Errors;

namespace EtcdNet.Cli.Commands;

/// <summary>Signed integers parsed as Go's strconv.ParseInt does, with its error text (lease IDs in hex, TTLs in decimal).</summary>
internal static class LeaseIds
{
    /// <summary>A lease ID argument: hexadecimal, as etcdctl takes it.</summary>
    /// <exception cref="CliException">Not a hex number (exit 128).</exception>
    public static long Parse(string text)
        => TryParseInt(text, 16, out var id, out var error)
            ? id
            : throw CliException.BadArgs($"bad lease ID arg ({error}), expecting ID in Hex");

    /// <summary>Go's ParseInt(text, numberBase, 64): the value, or false with Go's error message.</summary>
    public static bool TryParseInt(string text, int numberBase, out long value, out string error)
    {
        value = 0;
        var digits = text;
        var negative = false;
        if (digits.Length > 0 && digits[0] is '+' or '-')
        {
            negative = digits[0] == '-';
            digits = digits[1..];
        }

        if (!MemberIds.TryParseUint(digits, numberBase, "ParseInt", text, out var magnitude, out error))
        {
            return false;
        }

        var limit = 1UL << 63;
        if ((!negative && magnitude >= limit) || (negative && magnitude > limit))
        {
            error = $"strconv.ParseInt: parsing {Output.GoQuote.Quote(text)}: value out of range";
            return false;
        }

        value = negative ? unchecked(-(long)magnitude) : (long)magnitude;
        return true;
    }

    /// <summary>A TTL argument in seconds (decimal).</summary>
    public static long ParseTtl(string text)
        => TryParseInt(text, 10, out var ttl, out var error)
            ? ttl
            : throw CliException.BadArgs($"bad TTL ({error})");

    /// <summary>Hex without padding, as etcd's types.ID prints member IDs.</summary>
    public static string ShortHex(ulong id) => id.ToString("x", CultureInfo.InvariantCulture);
}
