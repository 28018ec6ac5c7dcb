using System.Globalization;

namespace EtcdNet.Cli.Output;

/// <summary>A byte count in SI units as etcdctl's tables print it (go-humanize Bytes): "20 kB", "4.1 MB", "7 B".</summary>
internal static class EndpointSize
{
    private static readonly string[] Units = ["B", "kB", "MB", "GB", "TB", "PB", "EB"];

    public static string Format(ulong bytes)
    {
        if (bytes < 10)
        {
            return bytes.ToString(CultureInfo.InvariantCulture) + " B";
        }

        var exponent = Math.Floor(Math.Log(bytes) / Math.Log(1000));
        var value = Math.Floor((bytes / Math.Pow(1000, exponent) * 10) + 0.5) / 10;
        var unit = Units[(int)exponent];
        return value < 10
            ? value.ToString("F1", CultureInfo.InvariantCulture) + " " + unit
            : Math.Round(value, MidpointRounding.ToEven).ToString("F0", CultureInfo.InvariantCulture) + " " + unit;
    }
}
