using System.Globalization;
using System.Text;

namespace EtcdNet.Cli.Output;

/// <summary>Keys and values in simple output, as etcdctl writes them: the bytes as they are, or with --hex each byte as \xNN.</summary>
internal static class KvText
{
    /// <summary>The bytes as UTF-8 text, or "\x61\x62" (no quotes) when <paramref name="hex"/>.</summary>
    public static string Format(ReadOnlySpan<byte> bytes, bool hex)
    {
        if (!hex)
        {
            return Encoding.UTF8.GetString(bytes);
        }

        var builder = new StringBuilder(bytes.Length * 4);
        foreach (var b in bytes)
        {
            builder.Append("\\x").Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
