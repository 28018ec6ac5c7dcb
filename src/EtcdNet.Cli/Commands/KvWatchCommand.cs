using System.CommandLine;
using System.CommandLine.Parsing;
using EtcdNet.Cli.Errors;
using EtcdNet.Cli.Output;

namespace EtcdNet.Cli.Commands;

/// <summary>
/// <c>watch [options] [key or prefix] [range_end] [--] [exec-command arg1 arg2 ...]</c>: prints events until
/// interrupted, optionally running a command per event; <c>-i</c> reads <c>watch …</c> and <c>progress</c>
/// lines from stdin instead.
/// </summary>
internal sealed class KvWatchCommand
{
    private readonly Argument<string[]> _args = new("key [range_end] [-- command args]") { Arity = ArgumentArity.ZeroOrMore };
    private readonly Option<bool> _interactive = new("--interactive", "-i") { Description = "Interactive mode" };
    private readonly Option<bool> _prefix = new("--prefix") { Description = "Watch on a prefix if prefix is set" };
    private readonly Option<long> _rev = new("--rev") { Description = "Revision to start watching" };
    private readonly Option<bool> _prevKv = new("--prev-kv") { Description = "get the previous key-value pair before the event happens" };
    private readonly Option<bool> _progressNotify = new("--progress-notify") { Description = "get periodic watch progress notification from server" };

    private KvWatchCommand()
    {
        Command = new Command("watch", "Watches events stream on keys or prefixes") { _args, _interactive, _prefix, _rev, _prevKv, _progressNotify };
    }

    public Command Command { get; }

    public static Command Create(CommandActions actions)
    {
        var watch = new KvWatchCommand();
        actions.Set(watch.Command, watch.RunAsync);
        return watch.Command;
    }

    /// <summary>Parses the words of an interactive <c>watch …</c> line (the leading "watch" included).</summary>
    public static KvWatchRequest ParseInteractive(string[] words, string? envKey, string? envRange)
    {
        var watch = new KvWatchCommand();
        var root = new RootCommand { watch.Command };
        var parse = root.Parse(words);
        if (parse.Errors.Count > 0)
        {
            throw CliException.BadArgs(parse.Errors[0].Message);
        }

        return watch.Resolve(parse, envKey, envRange);
    }

    private KvWatchRequest Resolve(ParseResult parse, string? envKey, string? envRange)
    {
        var all = KvArgs.Values(parse, _args);
        var separator = SeparatorIndex(parse, all.Length);
        var watchArgs = separator < 0 ? all : all[..separator];
        var exec = separator < 0 ? [] : all[separator..];
        if (separator >= 0 && exec.Length == 0)
        {
            throw CliException.BadArgs("bad number of arguments (found separator --, but no commands)");
        }

        if (!string.IsNullOrEmpty(envKey))
        {
            if (watchArgs.Length > 0)
            {
                throw CliException.BadArgs("bad number of arguments (found conflicting environment key)");
            }

            watchArgs = string.IsNullOrEmpty(envRange) ? [envKey] : [envKey, envRange];
        }

        if (watchArgs.Length == 0)
        {
            throw CliException.BadArgs("bad number of arguments");
        }

        var prefix = parse.GetValue(_prefix);
        var rev = parse.GetValue(_rev);
        var options = new WatchOptions
        {
            StartRevision = rev > 0 ? rev : 0,
            PrevKv = parse.GetValue(_prevKv),
            ProgressNotify = parse.GetValue(_progressNotify),
            RequireLeader = true,
        };
        if (watchArgs.Length == 2)
        {
            if (prefix)
            {
                throw CliException.BadArgs("`range_end` and `--prefix` are mutually exclusive");
            }

            options = options with { RangeEnd = watchArgs[1] };
        }

        if (prefix)
        {
            options = options with { Prefix = true };
        }

        return new KvWatchRequest(watchArgs[0], options, exec);
    }

    // Where "--" split the arguments: the number of argument values before it, or -1 without one.
    private static int SeparatorIndex(ParseResult parse, int argumentCount)
    {
        var tokens = parse.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Type == TokenType.DoubleDash)
            {
                // Every argument token after the separator belongs to the command to run.
                var after = tokens.Skip(i + 1).Count(t => t.Type == TokenType.Argument);
                return argumentCount - after;
            }
        }

        return -1;
    }

    private async Task<int> RunAsync(CommandContext context)
    {
        var envKey = context.Environment("ETCDCTL_WATCH_KEY");
        var envRange = context.Environment("ETCDCTL_WATCH_RANGE_END");
        if (string.IsNullOrEmpty(envKey) && !string.IsNullOrEmpty(envRange))
        {
            throw CliException.BadArgs($"ETCDCTL_WATCH_KEY is empty but got ETCDCTL_WATCH_RANGE_END={GoQuote.Quote(envRange)}");
        }

        if (!WatchPrinter.Supports(context.Settings.Format))
        {
            throw KvPrinter.Unsupported(context.Settings.Format);
        }

        var runner = new KvWatchRunner(context);
        if (context.Get(_interactive))
        {
            return await runner.RunInteractiveAsync(envKey, envRange);
        }

        return await runner.RunAsync(Resolve(context.Parse, envKey, envRange));
    }
}
