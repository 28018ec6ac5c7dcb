using System.CommandLine;
using EtcdNet.Cli.Errors;
using EtcdNet.Cli.Output;

namespace EtcdNet.Cli.Commands;

/// <summary><c>del [options] &lt;key&gt; [range_end]</c> with etcdctl's flags.</summary>
internal sealed class KvDelCommand
{
    private readonly Argument<string[]> _args = new("key [range_end]") { Arity = ArgumentArity.ZeroOrMore };
    private readonly Option<bool> _prefix = new("--prefix") { Description = "delete keys with matching prefix" };
    private readonly Option<bool> _prevKv = new("--prev-kv") { Description = "return deleted key-value pairs" };
    private readonly Option<bool> _fromKey = new("--from-key") { Description = "delete keys that are greater than or equal to the given key using byte compare" };

    public KvDelCommand()
    {
        Command = new Command("del", "Removes the specified key or range of keys [key, range_end)") { _args, _prefix, _prevKv, _fromKey };
    }

    public Command Command { get; }

    public static Command Create(CommandActions actions)
    {
        var del = new KvDelCommand();
        actions.Set(del.Command, del.RunAsync);
        return del.Command;
    }

    /// <summary>The key and options etcdctl would send for this command line.</summary>
    public (string Key, DeleteOptions Options) Resolve(ParseResult parse)
    {
        var args = KvArgs.Values(parse, _args);
        if (args.Length is 0 or > 2)
        {
            throw CliException.BadArgs("del command needs one argument as key and an optional argument as range_end");
        }

        var prefix = parse.GetValue(_prefix);
        var fromKey = parse.GetValue(_fromKey);
        KvKeyRange.CheckFlags(prefix, fromKey);
        var range = KvKeyRange.From(args, prefix, fromKey);
        var options = new DeleteOptions { PrevKv = parse.GetValue(_prevKv), RangeEnd = range.RangeEnd, Prefix = range.Prefix, FromKey = range.FromKey };
        return (range.Key, options);
    }

    private async Task RunAsync(CommandContext context)
    {
        var (key, options) = Resolve(context.Parse);
        DeleteResponse response;
        using (var timeout = context.CommandTimeout())
        {
            response = await context.Client.DeleteAsync(key, options, timeout.Token);
        }

        KvPrinter.Delete(context, response);
    }
}
