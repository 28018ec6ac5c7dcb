using System.Globalization;

namespace EtcdNet.IntegrationTests.Infrastructure;

/// <summary>Reads one value from a member's Prometheus <c>/metrics</c> page.</summary>
public static class EtcdMetrics
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    public static async Task<double> ReadAsync(string metricsUrl, string name)
    {
        var text = await Http.GetStringAsync(metricsUrl);
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(name + " ", StringComparison.Ordinal))
            {
                return double.Parse(line[(name.Length + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"Metric {name} not found at {metricsUrl}.");
    }
}
