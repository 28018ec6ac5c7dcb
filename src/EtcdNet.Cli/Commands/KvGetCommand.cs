using System.CommandLine;
using EtcdNet.Cli.Errors;
using EtcdNet.Cli.Output;

namespace EtcdNet.Cli.Commands;

/// <summary>
/// <c>get [options] &lt;key&gt; [range_end]</c> with etcdctl's flags. One instance per command tree: the
/// transaction parser builds its own to read <c>get</c> lines.
/// </summary>
internal sealed class KvGetCommand
{
    private readonly Argument<string[]> _args = new("key [range_end]") { Arity = ArgumentArity.ZeroOrMore };
    private readonly Option<string> _consistency = new("--consistency") { Description = "Linearizable(l) or Serializable(s)", DefaultValueFactory = _ => "l" };
    private readonly Option<string> _order = new("--order") { Description = "Order of results; ASCEND or DESCEND (ASCEND by default)", DefaultValueFactory = _ => string.Empty };
    private readonly Option<string> _sortBy = new("--sort-by") { Description = "Sort target; CREATE, KEY, MODIFY, VALUE, or VERSION", DefaultValueFactory = _ => string.Empty };
    private readonly Option<long> _limit = new("--limit") { Description = "Maximum number of results" };
    private readonly Option<bool> _prefix = new("--prefix") { Description = "Get keys with matching prefix" };
    private readonly Option<bool> _fromKey = new("--from-key") { Description = "Get keys that are greater than or equal to the given key using byte compare" };
    private readonly Option<long> _rev = new("--rev") { Description = "Specify the kv revision" };
    private readonly Option<bool> _keysOnly = new("--keys-only") { Description = "Get only the keys" };
    private readonly Option<bool> _countOnly = new("--count-only") { Description = "Get only the count" };
    private readonly Option<bool> _printValueOnly = new("--print-value-only") { Description = "Only write values when using the \"simple\" output format" };
    private readonly Option<long> _minModRevision = new("--min-mod-revision") { Description = "Only keys modified at or after this revision" };
    private readonly Option<long> _maxModRevision = new("--max-mod-revision") { Description = "Only keys modified at or before this revision" };
    private readonly Option<long> _minCreateRevision = new("--min-create-revision") { Description = "Only keys created at or after this revision" };
    private readonly Option<long> _maxCreateRevision = new("--max-create-revision") { Description = "Only keys created at or before this revision" };

    public KvGetCommand()
    {
        Command = new Command("get", "Gets the key or a range of keys")
        {
            _args, _consistency, _order, _sortBy, _limit, _prefix, _fromKey, _rev, _keysOnly, _countOnly, _printValueOnly,
            _minModRevision, _maxModRevision, _minCreateRevision, _maxCreateRevision,
        };
    }

    public Command Command { get; }

    public static Command Create(CommandActions actions)
    {
        var get = new KvGetCommand();
        actions.Set(get.Command, get.RunAsync);
        return get.Command;
    }

    /// <summary>The key and options etcdctl would send for this command line.</summary>
    /// <exception cref="CliException">Conflicting or malformed flags (exit 128 or 4, as etcdctl).</exception>
    public (string Key, GetOptions Options) Resolve(ParseResult parse)
    {
        var args = KvArgs.Values(parse, _args);
        if (args.Length == 0)
        {
            throw CliException.BadArgs("get command needs one argument as key and an optional argument as range_end");
        }

        var prefix = parse.GetValue(_prefix);
        var fromKey = parse.GetValue(_fromKey);
        KvKeyRange.CheckFlags(prefix, fromKey);

        var serializable = parse.GetValue(_consistency) switch
        {
            "s" => true,
            "l" => false,
            var other => throw CliException.BadFeature($"unknown consistency flag {GoQuote.Quote(other ?? string.Empty)}"),
        };

        var range = KvKeyRange.From(args, prefix, fromKey);
        var options = new GetOptions { Serializable = serializable, RangeEnd = range.RangeEnd, Prefix = range.Prefix, FromKey = range.FromKey };

        var order = (parse.GetValue(_order) ?? string.Empty).ToUpperInvariant() switch
        {
            "ASCEND" => SortOrder.Ascend,
            "DESCEND" => SortOrder.Descend,
            "" => SortOrder.None,
            _ => throw CliException.BadFeature($"bad sort order {parse.GetValue(_order)}"),
        };
        var target = (parse.GetValue(_sortBy) ?? string.Empty).ToUpperInvariant() switch
        {
            "CREATE" => SortTarget.CreateRevision,
            "KEY" or "" => SortTarget.Key,
            "MODIFY" => SortTarget.ModRevision,
            "VALUE" => SortTarget.Value,
            "VERSION" => SortTarget.Version,
            _ => throw CliException.BadFeature($"bad sort target {parse.GetValue(_sortBy)}"),
        };

        // etcd returns keys in ascending key order anyway: that sort is left to the server's natural order.
        if (target == SortTarget.Key && order == SortOrder.Ascend)
        {
            order = SortOrder.None;
        }

        var rev = parse.GetValue(_rev);
        options = options with
        {
            Limit = NotNegative(parse.GetValue(_limit), "--limit"),
            Revision = rev > 0 ? rev : 0,
            SortTarget = target,
            SortOrder = order,
            KeysOnly = parse.GetValue(_keysOnly),
            CountOnly = parse.GetValue(_countOnly),
            MinModRevision = NotNegative(parse.GetValue(_minModRevision), "--min-mod-revision"),
            MaxModRevision = NotNegative(parse.GetValue(_maxModRevision), "--max-mod-revision"),
            MinCreateRevision = NotNegative(parse.GetValue(_minCreateRevision), "--min-create-revision"),
            MaxCreateRevision = NotNegative(parse.GetValue(_maxCreateRevision), "--max-create-revision"),
        };

        return (range.Key, options);
    }

    private async Task RunAsync(CommandContext context)
    {
        var (key, options) = Resolve(context.Parse);
        var valueOnly = context.Get(_printValueOnly);
        if (valueOnly && options.CountOnly)
        {
            throw CliException.BadArgs("`--print-value-only` and `--count-only` cannot be set at the same time, choose one");
        }

        GetResponse response;
        using (var timeout = context.CommandTimeout())
        {
            response = await context.Client.GetAsync(key, options, timeout.Token);
        }

        var format = context.Settings.Format;
        if (valueOnly && format != OutputFormat.Simple)
        {
            throw CliException.BadArgs("print-value-only is only for `--write-out=simple`");
        }

        if (options.CountOnly && format is not (OutputFormat.Fields or OutputFormat.Json))
        {
            throw CliException.BadArgs("--count-only is only for `--write-out=fields` or `--write-out=json`");
        }

        KvPrinter.Get(context, response, valueOnly);
    }

    private static long NotNegative(long value, string flag)
        => value >= 0 ? value : throw CliException.BadArgs($"{flag} must not be negative");
}
