using System.CommandLine;
using EtcdNet.Cli.Errors;

namespace EtcdNet.Cli.Commands;

/// <summary>
/// Binds commands so that rejected credentials (--user/--password) end as etcdctl ends then: it cannot create its
/// client, prints the server's message and exits 2 (bad connection).
/// </summary>
internal static class AuthFailure
{
    public static void Set(CommandActions actions, Command command, Func<CommandContext, Task<int>> body)
        => actions.Set(command, async context =>
        {
            try
            {
                return await body(context);
            }
            catch (EtcdAuthFailedException e)
            {
                throw new CliException(ExitCodes.BadConnection, e.Message, e);
            }
        });

    public static void Set(CommandActions actions, Command command, Func<CommandContext, Task> body)
        => Set(actions, command, async context =>
        {
            await body(context);
            return ExitCodes.Success;
        });

    /// <summary>The positional arguments of a command that checks their number itself, as etcdctl does (exit 128).</summary>
    public static Argument<string[]> Arguments(string name)
        => new(name) { Arity = ArgumentArity.ZeroOrMore };
}
