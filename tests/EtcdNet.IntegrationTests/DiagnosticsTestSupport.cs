using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace EtcdNet.IntegrationTests;

/// <summary>
/// The diagnostics tests listen to the process-wide "EtcdNet" meter and activity source, so they run
/// alone: no other test's client adds to what they count.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DiagnosticsCollection
{
    public const string Name = "diagnostics";
}

/// <summary>One measurement of an EtcdNet instrument, with its tags.</summary>
public sealed record RecordedMeasurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags)
{
    public object? Tag(string name) => Tags.GetValueOrDefault(name);
}

/// <summary>Records every measurement of the EtcdNet meter (optionally throwing from the callback afterwards).</summary>
public sealed class MeterRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly bool _throw;

    public MeterRecorder(bool throwFromCallbacks = false)
    {
        _throw = throwFromCallbacks;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == EtcdDiagnostics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => On(instrument, value, tags));
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => On(instrument, value, tags));
        _listener.Start();
    }

    public ConcurrentQueue<RecordedMeasurement> Measurements { get; } = new();

    public IEnumerable<RecordedMeasurement> Of(string instrument) => Measurements.Where(m => m.Instrument == instrument);

    public double Sum(string instrument) => Of(instrument).Sum(m => m.Value);

    public void Dispose() => _listener.Dispose();

    private void On(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var (key, tagValue) in tags)
        {
            copy[key] = tagValue;
        }

        Measurements.Enqueue(new RecordedMeasurement(instrument.Name, value, copy));
        if (_throw)
        {
            throw new InvalidOperationException("metrics listener failure");
        }
    }
}

/// <summary>Records every stopped activity of the EtcdNet source (optionally throwing from the callbacks).</summary>
public sealed class ActivityRecorder : IDisposable
{
    private readonly ActivityListener _listener;

    public ActivityRecorder(bool throwFromCallbacks = false)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == EtcdDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = _ =>
            {
                Interlocked.Increment(ref _started);
                if (throwFromCallbacks)
                {
                    throw new InvalidOperationException("activity listener failure at start");
                }
            },
            ActivityStopped = activity =>
            {
                Stopped.Enqueue(activity);
                if (throwFromCallbacks)
                {
                    throw new InvalidOperationException("activity listener failure at stop");
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    private int _started;

    public int Started => Volatile.Read(ref _started);

    public ConcurrentQueue<Activity> Stopped { get; } = new();

    /// <summary>The stopped activities of calls to the server on <paramref name="port"/>.</summary>
    public List<Activity> To(int port) => Stopped.Where(a => a.GetTagItem("server.port") is int p && p == port).ToList();

    public void Dispose() => _listener.Dispose();
}

/// <summary>One log record, with its structured values.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> State, Exception? Exception)
{
    public object? Value(string name) => State.GetValueOrDefault(name);

    /// <summary>Everything the record carries, as text.</summary>
    public string AllText() => string.Join("\n", [Category, Message, .. State.Select(p => $"{p.Key}={p.Value}"), Exception?.ToString() ?? ""]);
}

/// <summary>A logger provider that keeps every record (or throws on every record).</summary>
public sealed class CapturingLoggerProvider(bool throwOnLog = false) : ILoggerProvider
{
    public ConcurrentQueue<CapturedLog> Logs { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = new Dictionary<string, object?>();
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var (key, value) in pairs)
                {
                    values[key] = value;
                }
            }

            provider.Logs.Enqueue(new CapturedLog(category, logLevel, eventId, formatter(state, exception), values, exception));
            if (provider._throwOnLog)
            {
                throw new InvalidOperationException("logger failure");
            }
        }
    }

    private readonly bool _throwOnLog = throwOnLog;
}
