using System.Globalization;
using System.Text;

namespace EtcdNet.Cli.Commands;

/// <summary>Reads Go quoted strings as fmt's <c>%q</c> scan verb does: "double-quoted" with Go escapes, or `raw`.</summary>
internal static class KvGoString
{
    /// <summary>
    /// Reads a quoted string at <paramref name="position"/> of <paramref name="text"/> (leading spaces skipped);
    /// on success advances <paramref name="position"/> past the closing quote.
    /// </summary>
    public static bool TryRead(string text, ref int position, out byte[] value)
    {
        value = [];
        var i = position;
        while (i < text.Length && IsSpace(text[i]))
        {
            i++;
        }

        if (i >= text.Length)
        {
            return false;
        }

        if (text[i] == '`')
        {
            var end = text.IndexOf('`', i + 1);
            if (end < 0)
            {
                return false;
            }

            value = Encoding.UTF8.GetBytes(text[(i + 1)..end]);
            position = end + 1;
            return true;
        }

        if (text[i] != '"')
        {
            return false;
        }

        var bytes = new List<byte>();
        for (i++; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                value = [.. bytes];
                position = i + 1;
                return true;
            }

            if (c == '\n')
            {
                return false;
            }

            if (c != '\\')
            {
                AppendText(bytes, text, ref i);
                continue;
            }

            if (++i >= text.Length || !TryEscape(text, ref i, bytes))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>The whole of <paramref name="text"/> as one quoted string (nothing may follow it).</summary>
    public static bool TryUnquote(string text, out byte[] value)
    {
        var position = 0;
        return TryRead(text, ref position, out value) && position == text.Length;
    }

    /// <summary>Go's unicode.IsSpace for the ASCII range and the common Unicode spaces.</summary>
    public static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r' or '\u0085' or '\u00a0' || char.IsWhiteSpace(c);

    private static void AppendText(List<byte> bytes, string text, ref int i)
    {
        var length = char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;
        bytes.AddRange(Encoding.UTF8.GetBytes(text.Substring(i, length)));
        i += length - 1;
    }

    private static bool TryEscape(string text, ref int i, List<byte> bytes)
    {
        var c = text[i];
        switch (c)
        {
            case 'a': bytes.Add(7); return true;
            case 'b': bytes.Add(8); return true;
            case 'f': bytes.Add(12); return true;
            case 'n': bytes.Add(10); return true;
            case 'r': bytes.Add(13); return true;
            case 't': bytes.Add(9); return true;
            case 'v': bytes.Add(11); return true;
            case '\\': bytes.Add((byte)'\\'); return true;
            case '"': bytes.Add((byte)'"'); return true;
            case 'x':
                if (!TryHex(text, i + 1, 2, out var b))
                {
                    return false;
                }

                bytes.Add((byte)b);
                i += 2;
                return true;
            case 'u' or 'U':
                var digits = c == 'u' ? 4 : 8;
                if (!TryHex(text, i + 1, digits, out var code) || code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF)
                {
                    return false;
                }

                bytes.AddRange(Encoding.UTF8.GetBytes(char.ConvertFromUtf32(code)));
                i += digits;
                return true;
            case >= '0' and <= '7':
                if (i + 2 >= text.Length)
                {
                    return false;
                }

                var octal = 0;
                for (var k = 0; k < 3; k++)
                {
                    var d = text[i + k];
                    if (d is < '0' or > '7')
                    {
                        return false;
                    }

                    octal = (octal * 8) + (d - '0');
                }

                if (octal > 255)
                {
                    return false;
                }

                bytes.Add((byte)octal);
                i += 2;
                return true;
            default:
                return false;
        }
    }

    private static bool TryHex(string text, int start, int digits, out int value)
    {
        value = 0;
        return start + digits <= text.Length
            && int.TryParse(text.AsSpan(start, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }
}
