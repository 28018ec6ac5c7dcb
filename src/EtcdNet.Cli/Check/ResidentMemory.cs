using System.Globalization;

namespace EtcdNet.Cli.Check;

/// <summary>
/// Finds etcd's <c>process_resident_memory_bytes</c> in a Prometheus text exposition (GET /metrics), as etcdctl does:
/// the first line that starts with the metric's name, the rest of that line read as a float.
/// </summary>
internal static class ResidentMemory
{
    /// <summary>The metric's name.</summary>
    public const string MetricName = "process_resident_memory_bytes";

    /// <summary>
    /// The resident memory in bytes, or null with the line etcdctl prints for the problem
    /// ("could not find: …", "parse error: …"). A value of 0 counts as not read, as for etcdctl.
    /// </summary>
    public static (double? Bytes, string? Problem) Parse(string metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        string? value = null;
        foreach (var line in metrics.Split('\n'))
        {
            if (line.StartsWith(MetricName, StringComparison.Ordinal))
            {
                value = line[MetricName.Length..].Trim();
                break;
            }
        }

        if (string.IsNullOrEmpty(value))
        {
            return (null, "could not find: " + MetricName);
        }

        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var bytes))
        {
            return (null, $"parse error: strconv.ParseFloat: parsing {Output.GoQuote.Quote(value)}: invalid syntax");
        }

        return bytes == 0 ? (null, null) : (bytes, null);
    }
}
