using System.Text.Json.Serialization;

namespace EtcdNet.HotPaths;

/// <summary>The RESULT line, field for field as bench/hot/go/hotpaths.go prints it.</summary>
internal sealed record HotResult
{
    [JsonPropertyName("peer")] public string Peer { get; init; } = "etcdnet";

    [JsonPropertyName("mode")] public string Mode { get; init; } = "";

    [JsonPropertyName("watchers")] public int? Watchers { get; init; }

    [JsonPropertyName("events_delivered")] public long? Events { get; init; }

    [JsonPropertyName("events_per_s")] public double? EventsPerSecond { get; init; }

    [JsonPropertyName("cpu_us_per_event")] public double? CpuMicrosecondsPerEvent { get; init; }

    [JsonPropertyName("leases")] public int? Leases { get; init; }

    [JsonPropertyName("lost")] public long Lost { get; init; }

    [JsonPropertyName("renewals")] public long? Renewals { get; init; }

    [JsonPropertyName("renewals_per_s")] public double? RenewalsPerSecond { get; init; }

    [JsonPropertyName("cpu_us_per_renewal")] public double? CpuMicrosecondsPerRenewal { get; init; }

    [JsonPropertyName("cold_ms")] public double? ColdMilliseconds { get; init; }

    [JsonPropertyName("warm_p50_ms")] public double? WarmMedianMilliseconds { get; init; }

    [JsonPropertyName("seconds")] public double Seconds { get; init; }

    [JsonPropertyName("cpu_s")] public double CpuSeconds { get; init; }
}
