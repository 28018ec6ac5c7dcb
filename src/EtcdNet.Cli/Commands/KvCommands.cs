using System.CommandLine;
using EtcdNet.Cli.Errors;
using EtcdNet.Cli.Output;

namespace EtcdNet.Cli.Commands;

/// <summary>The key-value commands: put (get, del, txn, compaction and watch are added alongside).</summary>
internal static class KvCommands
{
    public static void Register(RootCommand root, CommandActions actions)
    {
        root.Subcommands.Add(Put(actions));
    }

    private static Command Put(CommandActions actions)
    {
        var key = new Argument<string>("key");
        var value = new Argument<string?>("value") { Arity = ArgumentArity.ZeroOrOne };
        var lease = new Option<string>("--lease") { Description = "lease ID (in hexadecimal) to attach to the key", DefaultValueFactory = _ => "0" };
        var prevKv = new Option<bool>("--prev-kv") { Description = "return the previous key-value pair before modification" };
        var ignoreValue = new Option<bool>("--ignore-value") { Description = "updates the key using its current value" };
        var ignoreLease = new Option<bool>("--ignore-lease") { Description = "updates the key using its current lease" };
        var command = new Command("put", "Puts the given key into the store") { key, value, lease, prevKv, ignoreValue, ignoreLease };
        actions.Set(command, async context =>
        {
            var options = new PutOptions
            {
                Lease = ParseLease(context.Get(lease)!),
                PrevKv = context.Get(prevKv),
                IgnoreValue = context.Get(ignoreValue),
                IgnoreLease = context.Get(ignoreLease),
            };
            var text = context.Get(value);
            if (text is null && !options.IgnoreValue)
            {
                text = await context.Console.In.ReadToEndAsync(context.CancellationToken);
            }

            if (options.IgnoreValue && text is not null)
            {
                throw CliException.BadArgs("put command needs 1 argument and input from stdin or 2 arguments");
            }

            using var timeout = context.CommandTimeout();
            var response = await context.Client.PutAsync(context.Get(key)!, text ?? string.Empty, options, timeout.Token);
            KvPrinter.Put(context, response);
        });
        return command;
    }

    /// <summary>A lease ID as etcdctl takes it: hexadecimal.</summary>
    internal static long ParseLease(string text)
        => long.TryParse(text, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var id) && id >= 0
            ? id
            : throw CliException.BadArgs($"bad lease ID ({text}), expecting ID in Hex");
}
