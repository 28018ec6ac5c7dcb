using System.CommandLine;
using EtcdNet.Cli.Bench;
using EtcdNet.Cli.Bench.Peer;
using EtcdNet.Cli.Errors;
using EtcdNet.Cli.Global;

namespace EtcdNet.Cli.Commands;

/// <summary>The bench commands: load generators with etcd's benchmark-tool flags and report.</summary>
internal static class BenchCommands
{
    private const long DefaultTotal = 10000;

    private static readonly Option<int> Conns = new("--conns") { Description = "Total number of gRPC connections (clients)", DefaultValueFactory = _ => 1, Recursive = true };
    private static readonly Option<int> Clients = new("--clients") { Description = "Total number of concurrent requesters", DefaultValueFactory = _ => 1, Recursive = true };
    private static readonly Option<long> Total = new("--total") { Description = "Total number of requests (default 10000, or no limit with --duration)", Recursive = true };
    private static readonly Option<string> Duration = new("--duration") { Description = "Run for this long (Go duration, e.g. 10s) instead of a request count", Recursive = true };
    private static readonly Option<int> Rate = new("--rate") { Description = "Maximum requests per second (0 is no limit)", Recursive = true };
    private static readonly Option<bool> TargetLeader = new("--target-leader") { Description = "Connect only to the leader member", Recursive = true };
    private static readonly Option<bool> Json = new("--json") { Description = "Print the report as one JSON object", Recursive = true };
    private static readonly Option<bool> Precise = new("--precise") { Description = "use full floating point precision", Recursive = true };
    private static readonly Option<bool> Sample = new("--sample") { Description = "'true' to sample requests for every second", Recursive = true };

    public static void Register(RootCommand root, CommandActions actions)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(actions);
        var bench = new Command("bench", "A low-level benchmark tool for etcd3 (the flags and report of etcd's benchmark tool)")
        {
            Conns, Clients, Total, Duration, Rate, TargetLeader, Json, Precise, Sample,
        };
        bench.Subcommands.Add(Put(actions));
        bench.Subcommands.Add(Range(actions));
        bench.Subcommands.Add(TxnPut(actions));
        bench.Subcommands.Add(LeaseKeepAlive(actions));
        foreach (var watch in WatchBenchCommands.Create(actions))
        {
            bench.Subcommands.Add(watch);
        }

        bench.Subcommands.Add(PeerCommand.Create(actions));
        root.Subcommands.Add(bench);
    }

    private static Option<int> IntOption(string name, int defaultValue, string description)
        => new(name) { Description = description, DefaultValueFactory = _ => defaultValue };

    private static Command Put(CommandActions actions)
    {
        var keySize = IntOption("--key-size", 8, "Key size of put request");
        var valSize = IntOption("--val-size", 8, "Value size of put request");
        var keySpace = IntOption("--key-space-size", 1, "Maximum possible keys");
        var sequential = new Option<bool>("--sequential-keys") { Description = "Use sequential keys" };
        var command = new Command("put", "Benchmark put") { keySize, valSize, keySpace, sequential };
        actions.Set(command, context =>
        {
            var load = Load(context);
            var size = Positive(context.Get(keySize), "--key-size");
            var value = BenchKeys.RandomValue(NotNegative(context.Get(valSize), "--val-size"), new Random(42));
            var keys = new KeyChooser(load.Clients, Positive(context.Get(keySpace), "--key-space-size"), context.Get(sequential));
            return RunAsync(context, load, "put", new PutOperation(size, value, keys));
        });
        return command;
    }

    private static Command Range(CommandActions actions)
    {
        var key = new Argument<string>("key");
        var end = new Argument<string?>("end") { Arity = ArgumentArity.ZeroOrOne };
        var consistency = new Option<string>("--consistency") { Description = "Linearizable(l) or Serializable(s)", DefaultValueFactory = _ => "l" };
        var command = new Command("range", "Benchmark range") { key, end, consistency };
        actions.Set(command, context =>
        {
            var load = Load(context);
            var serializable = context.Get(consistency) switch
            {
                "l" => false,
                "s" => true,
                var other => throw CliException.BadArgs($"unknown consistency flag '{other}' (use l or s)"),
            };
            return RunAsync(context, load, "range", new RangeOperation(context.Get(key)!, context.Get(end), serializable));
        });
        return command;
    }

    private static Command TxnPut(CommandActions actions)
    {
        var keySize = IntOption("--key-size", 8, "Key size of txn put");
        var valSize = IntOption("--val-size", 8, "Value size of txn put");
        var txnOps = IntOption("--txn-ops", 1, "Number of puts per txn");
        var keySpace = IntOption("--key-space-size", 1, "Maximum possible keys");
        var sequential = new Option<bool>("--sequential-keys") { Description = "Use sequential keys" };
        var command = new Command("txn-put", "Benchmark txn-put") { keySize, valSize, txnOps, keySpace, sequential };
        actions.Set(command, context =>
        {
            var load = Load(context);
            var size = Positive(context.Get(keySize), "--key-size");
            var value = BenchKeys.RandomValue(NotNegative(context.Get(valSize), "--val-size"), new Random(42));
            var ops = Positive(context.Get(txnOps), "--txn-ops");
            var space = Positive(context.Get(keySpace), "--key-space-size");
            if (ops > space)
            {
                throw CliException.BadArgs($"--txn-ops ({ops}) must not exceed --key-space-size ({space}): keys in one txn must differ");
            }

            return RunAsync(context, load, "txn-put", new TxnPutOperation(size, value, ops, new KeyChooser(load.Clients, space, context.Get(sequential))));
        });
        return command;
    }

    private static Command LeaseKeepAlive(CommandActions actions)
    {
        var command = new Command("lease-keepalive", "Benchmark lease keepalive");
        actions.Set(command, context => RunAsync(context, Load(context), "lease-keepalive", new LeaseKeepAliveOperation()));
        return command;
    }

    /// <summary>The shared load flags of <paramref name="context"/>, validated.</summary>
    internal static BenchLoad Load(CommandContext context)
    {
        var duration = TimeSpan.Zero;
        if (context.Get(Duration) is { } text)
        {
            duration = GoDuration.TryParse(text, out var d) && d > TimeSpan.Zero
                ? d
                : throw CliException.BadArgs($"invalid --duration \"{text}\" (use a positive Go duration such as 10s)");
        }

        var total = context.IsSet(Total) ? context.Get(Total) : duration > TimeSpan.Zero ? 0 : DefaultTotal;
        if (total < 0 || (context.IsSet(Total) && total == 0 && duration == TimeSpan.Zero))
        {
            throw CliException.BadArgs("--total must be positive (or give --duration)");
        }

        return new BenchLoad(
            Positive(context.Get(Clients), "--clients"),
            total,
            duration,
            NotNegative(context.Get(Rate), "--rate"),
            context.Get(Sample));
    }

    /// <summary>The --conns value, validated.</summary>
    internal static int ConnectionCount(CommandContext context) => Positive(context.Get(Conns), "--conns");

    internal static bool WantsJson(CommandContext context) => context.Get(Json);

    internal static bool WantsLeader(CommandContext context) => context.Get(TargetLeader);

    internal static int Positive(int value, string name)
        => value >= 1 ? value : throw CliException.BadArgs($"{name} must be at least 1 (got {value})");

    internal static int NotNegative(int value, string name)
        => value >= 0 ? value : throw CliException.BadArgs($"{name} must not be negative (got {value})");

    private static async Task RunAsync(CommandContext context, BenchLoad load, string name, BenchOperation operation)
    {
        var conns = ConnectionCount(context);
        await using var connections = await BenchConnections.OpenAsync(context, conns, WantsLeader(context));
        var result = await new BenchRunner(load, context.Console).RunAsync(name, connections.Clients, operation, context.CancellationToken);
        await Print(context, [result]);
    }

    /// <summary>Writes the report of <paramref name="results"/> to stdout, as text or JSON (--json).</summary>
    internal static async Task Print(CommandContext context, IReadOnlyList<BenchResult> results)
    {
        if (WantsJson(context))
        {
            await context.Console.Out.WriteAsync(BenchReport.Json(results));
            return;
        }

        foreach (var result in results)
        {
            await context.Console.Out.WriteAsync(BenchReport.Text(result, context.Get(Precise)));
        }
    }
}
