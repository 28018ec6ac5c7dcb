namespace EtcdNet;

/// <summary>
/// The names under which the client publishes its traces and metrics, for registering them with a
/// collector (for example OpenTelemetry's <c>AddSource</c> and <c>AddMeter</c>) or for
/// <c>dotnet-counters monitor --counters EtcdNet</c>. See docs/observability.md for every instrument.
/// </summary>
public static class EtcdDiagnostics
{
    /// <summary>The name of the client's <see cref="System.Diagnostics.ActivitySource"/>: <c>EtcdNet</c>.</summary>
    public const string ActivitySourceName = "EtcdNet";

    /// <summary>The name of the client's <see cref="System.Diagnostics.Metrics.Meter"/>: <c>EtcdNet</c>.</summary>
    public const string MeterName = "EtcdNet";
}
