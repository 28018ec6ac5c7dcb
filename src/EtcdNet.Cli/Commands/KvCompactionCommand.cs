using System.CommandLine;
using System.Globalization;
using EtcdNet.Cli.Errors;

namespace EtcdNet.Cli.Commands;

/// <summary><c>compaction [options] &lt;revision&gt;</c>: compacts the event history, printing "compacted revision N" as etcdctl.</summary>
internal static class KvCompactionCommand
{
    public static Command Create(CommandActions actions)
    {
        var args = new Argument<string[]>("revision") { Arity = ArgumentArity.ZeroOrMore };
        var physical = new Option<bool>("--physical") { Description = "'true' to wait for compaction to physically remove all old revisions" };
        var command = new Command("compaction", "Compacts the event history in etcd") { args, physical };
        actions.Set(command, async context =>
        {
            var values = KvArgs.Values(context.Parse, args);
            if (values.Length != 1)
            {
                throw CliException.BadArgs("compaction command needs 1 argument");
            }

            if (!long.TryParse(values[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var revision))
            {
                throw new CliException(ExitCodes.Error, $"strconv.ParseInt: parsing {Output.GoQuote.Quote(values[0])}: invalid syntax");
            }

            using (var timeout = context.CommandTimeout())
            {
                await context.Client.CompactAsync(revision, context.Get(physical), timeout.Token);
            }

            context.Console.Out.WriteLine("compacted revision " + revision.ToString(CultureInfo.InvariantCulture));
        });
        return command;
    }
}
