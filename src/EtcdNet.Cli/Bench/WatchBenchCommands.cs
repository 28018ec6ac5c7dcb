using System.CommandLine;
using EtcdNet.Cli.Commands;

namespace EtcdNet.Cli.Bench;

/// <summary>The watch benchmarks of <c>etcdnet bench</c>: watch (creation and event latency) and watch-latency.</summary>
internal static class WatchBenchCommands
{
    public static IEnumerable<Command> Create(CommandActions actions)
    {
        yield return Watch(actions, "watch", "Benchmark watch: watcher creation, then put-to-event latency", putRate: 0, keySpace: 1, reportCreation: true);
        yield return Watch(actions, "watch-latency", "Benchmark watch latency: puts at a fixed rate, time until every watcher sees each", putRate: 100, keySpace: 1, reportCreation: false);
    }

    private static Command Watch(CommandActions actions, string name, string description, int putRate, int keySpace, bool reportCreation)
    {
        var streams = new Option<int>("--streams") { Description = "Total watch streams (each its own connection)", DefaultValueFactory = _ => 10 };
        var watchers = new Option<int>("--watchers", "--watch-per-stream", "--watchers-per-stream") { Description = "Watchers per stream", DefaultValueFactory = _ => 10 };
        var putTotal = new Option<int>("--put-total") { Description = "Number of put requests", DefaultValueFactory = _ => 1000 };
        var rate = new Option<int>("--put-rate") { Description = "Puts per second (0 is no limit)", DefaultValueFactory = _ => putRate };
        var space = new Option<int>("--key-space-size") { Description = "Number of distinct watched keys", DefaultValueFactory = _ => keySpace };
        var sequential = new Option<bool>("--sequential-keys") { Description = "Assign watchers and puts to keys in order" };
        var valSize = new Option<int>("--val-size") { Description = "Value size of put request (at least 8)", DefaultValueFactory = _ => 32 };
        var prevKv = new Option<bool>("--prevkv") { Description = "Ask for the previous key-value in events" };
        var prefix = new Option<string>("--prefix") { Description = "Key prefix of the watched keys", DefaultValueFactory = _ => "watchbench/" };
        var command = new Command(name, description) { streams, watchers, putTotal, rate, space, sequential, valSize, prevKv, prefix };
        actions.Set(command, async context =>
        {
            var load = BenchCommands.Load(context);
            var settings = new WatchBenchSettings
            {
                Streams = BenchCommands.Positive(context.Get(streams), "--streams"),
                WatchersPerStream = BenchCommands.Positive(context.Get(watchers), "--watchers"),
                PutTotal = BenchCommands.Positive(context.Get(putTotal), "--put-total"),
                PutRate = BenchCommands.NotNegative(context.Get(rate), "--put-rate"),
                PutClients = load.Clients,
                KeySpace = BenchCommands.Positive(context.Get(space), "--key-space-size"),
                SequentialKeys = context.Get(sequential),
                ValueSize = BenchCommands.NotNegative(context.Get(valSize), "--val-size"),
                PrevKv = context.Get(prevKv),
                Prefix = context.Get(prefix) ?? string.Empty,
                ReportCreation = reportCreation,
                Sample = load.Sample,
            };
            await using var connections = await BenchConnections.OpenAsync(context, BenchCommands.ConnectionCount(context), BenchCommands.WantsLeader(context));
            var options = connections.Clients[0].Options;
            var results = await new WatchBench(settings, context.Console).RunAsync(options, connections.Clients, context.CancellationToken);
            await BenchCommands.Print(context, results);
        });
        return command;
    }
}
