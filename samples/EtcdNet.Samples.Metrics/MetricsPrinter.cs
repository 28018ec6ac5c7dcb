using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace EtcdNet.Samples.Metrics;

/// <summary>
/// Listens to the "EtcdNet" meter in-process and prints each instrument once a second, under the names
/// dotnet-counters shows (counters as totals, the duration histogram as count and mean).
/// </summary>
internal sealed class MetricsPrinter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, double> _totals = new();
    private readonly ConcurrentDictionary<string, (long Count, double Sum)> _histograms = new();

    public MetricsPrinter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == EtcdDiagnostics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => Add(instrument, value));
        _listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => Add(instrument, value));
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => Add(instrument, value));
        _listener.Start();
    }

    /// <summary>Prints one block with every instrument seen so far.</summary>
    public void Print(string title)
    {
        Console.WriteLine($"--- [{EtcdDiagnostics.MeterName}] {title}");
        foreach (var (name, total) in _totals.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"    {name,-46} {total,10:0}");
        }

        foreach (var (name, (count, sum)) in _histograms.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"    {name,-46} {count,10} calls, mean {sum / Math.Max(1, count) * 1000:0.00} ms");
        }
    }

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value)
    {
        var name = $"{instrument.Name} ({instrument.Unit})";
        if (instrument is Histogram<double>)
        {
            _histograms.AddOrUpdate(name, (1, value), (_, old) => (old.Count + 1, old.Sum + value));
        }
        else
        {
            _totals.AddOrUpdate(name, value, (_, old) => old + value);
        }
    }
}
