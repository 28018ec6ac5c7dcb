using System.CommandLine;
using EtcdNet.Cli.Errors;
using EtcdNet.Cli.Output;

namespace EtcdNet.Cli.Commands;

/// <summary><c>put [options] &lt;key&gt; &lt;value&gt;</c> (value from stdin when omitted), with etcdctl's flags.</summary>
internal sealed class KvPutCommand
{
    private readonly Argument<string[]> _args = new("key [value]") { Arity = ArgumentArity.ZeroOrMore };
    private readonly Option<string> _lease = new("--lease") { Description = "lease ID (in hexadecimal) to attach to the key", DefaultValueFactory = _ => "0" };
    private readonly Option<bool> _prevKv = new("--prev-kv") { Description = "return the previous key-value pair before modification" };
    private readonly Option<bool> _ignoreValue = new("--ignore-value") { Description = "updates the key using its current value" };
    private readonly Option<bool> _ignoreLease = new("--ignore-lease") { Description = "updates the key using its current lease" };

    public KvPutCommand()
    {
        Command = new Command("put", "Puts the given key into the store") { _args, _lease, _prevKv, _ignoreValue, _ignoreLease };
    }

    public Command Command { get; }

    public static Command Create(CommandActions actions)
    {
        var put = new KvPutCommand();
        actions.Set(put.Command, put.RunAsync);
        return put.Command;
    }

    /// <summary>The key, value and options for this command line; <paramref name="stdin"/> supplies a missing value (null: none).</summary>
    public async Task<(string Key, string Value, PutOptions Options)> ResolveAsync(ParseResult parse, Func<Task<string>>? stdin)
    {
        const string Usage = "put command needs 1 argument and input from stdin or 2 arguments";
        var args = KvArgs.Values(parse, _args);
        if (args.Length == 0)
        {
            throw CliException.BadArgs(Usage);
        }

        var ignoreValue = parse.GetValue(_ignoreValue);
        if (ignoreValue && args.Length > 1)
        {
            throw CliException.BadArgs("put command needs only 1 argument when 'ignore-value' is set");
        }

        var value = string.Empty;
        if (!ignoreValue)
        {
            if (args.Length > 1)
            {
                value = args[1];
            }
            else if (stdin is null || (value = await stdin()).Length == 0)
            {
                throw CliException.BadArgs(Usage);
            }
        }

        var options = new PutOptions
        {
            Lease = KvCommands.ParseLease(parse.GetValue(_lease) ?? "0"),
            PrevKv = parse.GetValue(_prevKv),
            IgnoreValue = ignoreValue,
            IgnoreLease = parse.GetValue(_ignoreLease),
        };
        return (args[0], value, options);
    }

    private async Task RunAsync(CommandContext context)
    {
        var (key, value, options) = await ResolveAsync(context.Parse, () => context.Console.In.ReadToEndAsync(context.CancellationToken));
        PutResponse response;
        using (var timeout = context.CommandTimeout())
        {
            response = await context.Client.PutAsync(key, value, options, timeout.Token);
        }

        KvPrinter.Put(context, response);
    }
}
