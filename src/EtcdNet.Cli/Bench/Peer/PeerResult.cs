using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EtcdNet.Cli.Bench.Peer;

/// <summary>What a peer run prints: the human line and the <c>RESULT {json}</c> line, with the peer programs' fields.</summary>
internal sealed record PeerResult
{
    public required string Op { get; init; }

    public required int Clients { get; init; }

    public required int Conns { get; init; }

    public required double DurationSeconds { get; init; }

    public required long Ops { get; init; }

    public required long Errors { get; init; }

    public required double MeanMs { get; init; }

    public required double P50Ms { get; init; }

    public required double P90Ms { get; init; }

    public required double P99Ms { get; init; }

    public required double P999Ms { get; init; }

    public required double MaxMs { get; init; }

    public required double CpuUserSeconds { get; init; }

    public required double CpuSysSeconds { get; init; }

    public required int ValSize { get; init; }

    public required int KeySpace { get; init; }

    public const string Peer = "csharp";

    public double OpsPerSecond => DurationSeconds > 0 ? Ops / DurationSeconds : 0;

    public double CpuTotalSeconds => CpuUserSeconds + CpuSysSeconds;

    public double CpuMsPerOp => Ops > 0 ? CpuTotalSeconds * 1000 / Ops : 0;

    /// <summary>Latency in ms at percentile <paramref name="p"/> (0..1) of sorted nanosecond latencies, indexed as the Go peer does.</summary>
    public static double Percentile(long[] sorted, int count, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (count == 0)
        {
            return 0;
        }

        var index = Math.Clamp((int)((p * count) + 0.5) - 1, 0, count - 1);
        return sorted[index] / 1e6;
    }

    public string HumanLine() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Peer} op={Op} clients={Clients} conns={Conns}: {OpsPerSecond:0} ops/s ({Ops} ops, {Errors} errors in {DurationSeconds:0.00}s) p50={P50Ms:0.000}ms p99={P99Ms:0.000}ms max={MaxMs:0.000}ms cpu={CpuTotalSeconds:0.00}s (user {CpuUserSeconds:0.00} sys {CpuSysSeconds:0.00}, {CpuMsPerOp:0.0000} ms/op)");

    public string ResultLine()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("peer", Peer);
            w.WriteString("op", Op);
            w.WriteNumber("clients", Clients);
            w.WriteNumber("conns", Conns);
            w.WriteNumber("duration_s", DurationSeconds);
            w.WriteNumber("ops", Ops);
            w.WriteNumber("errors", Errors);
            w.WriteNumber("ops_per_s", OpsPerSecond);
            w.WriteNumber("mean_ms", MeanMs);
            w.WriteNumber("p50_ms", P50Ms);
            w.WriteNumber("p90_ms", P90Ms);
            w.WriteNumber("p99_ms", P99Ms);
            w.WriteNumber("p999_ms", P999Ms);
            w.WriteNumber("max_ms", MaxMs);
            w.WriteNumber("cpu_user_s", CpuUserSeconds);
            w.WriteNumber("cpu_sys_s", CpuSysSeconds);
            w.WriteNumber("cpu_total_s", CpuTotalSeconds);
            w.WriteNumber("cpu_ms_per_op", CpuMsPerOp);
            w.WriteNumber("val_size", ValSize);
            w.WriteNumber("keyspace", KeySpace);
            w.WriteEndObject();
        }

        return "RESULT " + Encoding.UTF8.GetString(buffer.ToArray());
    }
}
