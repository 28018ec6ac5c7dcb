using System.Globalization;

namespace EtcdNet.HotPaths;

/// <summary>
/// The flags of bench/hot/go/hotpaths.go, with the same names and defaults (<c>-name value</c> or <c>-name=value</c>),
/// and <c>-protocol grpc|gateway</c>, which only EtcdNet has.
/// </summary>
internal sealed record HotArgs
{
    public IReadOnlyList<string> Endpoints { get; init; } = ["127.0.0.1:23790"];

    public string Mode { get; init; } = "watch-fanout";

    public int Watchers { get; init; } = 100;

    public int Txns { get; init; } = 500;

    public int WarmupTxns { get; init; } = 100;

    public int Puts { get; init; } = 100;

    public int Leases { get; init; } = 10_000;

    public long Ttl { get; init; } = 10;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);

    public int Samples { get; init; } = 20;

    public string Prefix { get; init; } = "hot/";

    public EtcdProtocol Protocol { get; init; } = EtcdProtocol.Grpc;

    public static HotArgs Parse(IReadOnlyList<string> args)
    {
        var result = new HotArgs();
        for (var i = 0; i < args.Count; i++)
        {
            var flag = args[i].TrimStart('-');
            string? inline = null;
            if (flag.IndexOf('=', StringComparison.Ordinal) is var eq and >= 0)
            {
                inline = flag[(eq + 1)..];
                flag = flag[..eq];
            }

            string Value() => inline ?? (++i < args.Count ? args[i] : throw new ArgumentException($"-{flag} needs a value"));
            int Int() => int.Parse(Value(), CultureInfo.InvariantCulture);
            result = flag switch
            {
                "endpoints" => result with { Endpoints = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                "mode" => result with { Mode = Value() },
                "watchers" => result with { Watchers = Int() },
                "txns" => result with { Txns = Int() },
                "warmup-txns" => result with { WarmupTxns = Int() },
                "puts" => result with { Puts = Int() },
                "leases" => result with { Leases = Int() },
                "ttl" => result with { Ttl = Int() },
                "duration" => result with { Duration = ParseDuration(Value()) },
                "samples" => result with { Samples = Int() },
                "prefix" => result with { Prefix = Value() },
                "protocol" => result with { Protocol = Value() switch
                {
                    "grpc" => EtcdProtocol.Grpc,
                    "gateway" => EtcdProtocol.JsonGateway,
                    var other => throw new ArgumentException($"unknown protocol {other}: grpc or gateway"),
                } },
                _ => throw new ArgumentException($"unknown flag -{flag}"),
            };
        }

        return result;
    }

    /// <summary>A Go duration of one unit: <c>30s</c>, <c>500ms</c>, <c>2m</c>.</summary>
    private static TimeSpan ParseDuration(string text)
    {
        var unit = text.TrimStart("0123456789.".ToCharArray());
        var number = double.Parse(text[..^unit.Length], CultureInfo.InvariantCulture);
        return unit switch
        {
            "ms" => TimeSpan.FromMilliseconds(number),
            "s" => TimeSpan.FromSeconds(number),
            "m" => TimeSpan.FromMinutes(number),
            _ => throw new ArgumentException($"unknown duration unit in {text}"),
        };
    }

    public EtcdClient NewClient() => new(new EtcdClientOptions
    {
        Endpoints = [.. Endpoints.Select(e => e.Contains("://", StringComparison.Ordinal) ? e : "http://" + e)],
        DialTimeout = TimeSpan.FromSeconds(5),
        Protocol = Protocol,
    });
}
