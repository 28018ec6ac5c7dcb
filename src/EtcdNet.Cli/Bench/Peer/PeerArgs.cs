using System.Globalization;
using EtcdNet.Cli.Errors;
using EtcdNet.Cli.Global;

namespace EtcdNet.Cli.Bench.Peer;

/// <summary>
/// The flags of the peer load programs (Go flag package style: <c>-name value</c>, <c>-name=value</c>, also with
/// two dashes; a bare boolean flag means true).
/// </summary>
internal sealed record PeerArgs
{
    public IReadOnlyList<string> Endpoints { get; init; } = ["127.0.0.1:23790"];

    public string Op { get; init; } = "put";

    public int Clients { get; init; } = 16;

    public int Conns { get; init; } = 1;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(1);

    public int ValSize { get; init; } = 256;

    public int KeySpace { get; init; } = 10000;

    public string Prefix { get; init; } = "bench/";

    public bool Prefill { get; init; } = true;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Parses <paramref name="args"/>; unknown or malformed flags throw <see cref="CliException"/> (exit 128).</summary>
    public static PeerArgs Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var result = new PeerArgs();
        for (var i = 0; i < args.Count; i++)
        {
            var token = args[i];
            if (token == "--")
            {
                continue;
            }

            if (!token.StartsWith('-') || token == "-")
            {
                throw CliException.BadArgs($"unexpected argument \"{token}\"");
            }

            var name = token.TrimStart('-');
            string? value = null;
            if (name.IndexOf('=', StringComparison.Ordinal) is var eq and >= 0)
            {
                value = name[(eq + 1)..];
                name = name[..eq];
            }

            string Value()
            {
                if (value is not null)
                {
                    return value;
                }

                if (i + 1 >= args.Count)
                {
                    throw CliException.BadArgs($"flag needs an argument: -{name}");
                }

                return args[++i];
            }

            result = name switch
            {
                "endpoints" => result with { Endpoints = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                "op" => result with { Op = Value() },
                "clients" => result with { Clients = Int(name, Value()) },
                "conns" => result with { Conns = Int(name, Value()) },
                "duration" => result with { Duration = ParseDuration(name, Value()) },
                "warmup" => result with { Warmup = ParseDuration(name, Value()) },
                "val-size" => result with { ValSize = Int(name, Value()) },
                "keyspace" => result with { KeySpace = Int(name, Value()) },
                "prefix" => result with { Prefix = Value() },
                "prefill" => result with { Prefill = value is null || Bool(name, value) },
                "timeout" => result with { Timeout = ParseDuration(name, Value()) },
                _ => throw CliException.BadArgs($"flag provided but not defined: -{name}"),
            };
        }

        if (result.Op is not ("put" or "range-l" or "range-s"))
        {
            throw CliException.BadArgs($"unknown -op \"{result.Op}\" (use put, range-l or range-s)");
        }

        if (result.Clients < 1 || result.Conns < 1 || result.KeySpace < 1 || result.ValSize < 0 || result.Endpoints.Count == 0)
        {
            throw CliException.BadArgs("-clients, -conns and -keyspace must be >= 1, -val-size >= 0, -endpoints not empty");
        }

        return result;
    }

    private static int Int(string name, string text)
        => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw CliException.BadArgs($"invalid value \"{text}\" for flag -{name}");

    private static TimeSpan ParseDuration(string name, string text)
        => GoDuration.TryParse(text, out var v) && v >= TimeSpan.Zero ? v : throw CliException.BadArgs($"invalid value \"{text}\" for flag -{name}");

    private static bool Bool(string name, string text) => text.ToUpperInvariant() switch
    {
        "1" or "T" or "TRUE" => true,
        "0" or "F" or "FALSE" => false,
        _ => throw CliException.BadArgs($"invalid boolean value \"{text}\" for -{name}"),
    };
}
