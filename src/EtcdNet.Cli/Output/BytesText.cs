using System.Text;

namespace EtcdNet.Cli.Output;

/// <summary>How etcdctl prints keys and values in simple output: raw bytes, or with --hex a quoted \x.. string.</summary>
internal static class BytesText
{
    /// <summary>The bytes as text: UTF-8 as they are, or "\x61\x62" (quoted) when <paramref name="hex"/>.</summary>
    public static string Format(ReadOnlySpan<byte> bytes, bool hex)
    {
        if (!hex)
        {
            return Encoding.UTF8.GetString(bytes);
        }

        var builder = new StringBuilder(2 + (bytes.Length * 4));
        builder.Append('"');
        foreach (var b in bytes)
        {
            builder.Append("\\x").Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder.Append('"').ToString();
    }
}
