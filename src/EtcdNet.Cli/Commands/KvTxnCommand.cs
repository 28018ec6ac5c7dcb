using System.CommandLine;
using EtcdNet.Cli.Errors;
using EtcdNet.Cli.Output;

namespace EtcdNet.Cli.Commands;

/// <summary><c>txn [-i]</c>: reads compares, success and failure requests from stdin and commits them as one transaction.</summary>
internal static class KvTxnCommand
{
    public static Command Create(CommandActions actions)
    {
        var args = new Argument<string[]>("args") { Arity = ArgumentArity.ZeroOrMore, Hidden = true };
        var interactive = new Option<bool>("--interactive", "-i") { Description = "Input transaction in interactive mode" };
        var command = new Command("txn", "Txn processes all the requests in one transaction") { args, interactive };
        actions.Set(command, async context =>
        {
            if (KvArgs.Values(context.Parse, args).Length != 0)
            {
                throw CliException.BadArgs("txn command does not accept argument");
            }

            var prompt = context.Get(interactive);
            var output = context.Console.Out;
            var input = context.Console.In;
            void Prompt(string text)
            {
                if (prompt)
                {
                    output.WriteLine(text);
                    output.Flush();
                }
            }

            Prompt("compares:");
            var compares = KvTxnParser.ReadCompares(input);
            Prompt("success requests (get, put, del):");
            var success = await KvTxnParser.ReadOpsAsync(input);
            Prompt("failure requests (get, put, del):");
            var failure = await KvTxnParser.ReadOpsAsync(input);

            TxnResponse response;
            using (var timeout = context.CommandTimeout())
            {
                response = await context.Client.Txn().If([.. compares]).Then([.. success]).Else([.. failure]).CommitAsync(timeout.Token);
            }

            TxnPrinter.Print(context, response);
        });
        return command;
    }
}
