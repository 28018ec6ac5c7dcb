using System.CommandLine;
using EtcdNet.Cli.Errors;
using EtcdNet.Cli.Output;

namespace EtcdNet.Cli.Commands;

/// <summary>The auth commands (auth enable, disable, status) and the user and role command groups.</summary>
internal static class AuthCommands
{
    public static void Register(RootCommand root, CommandActions actions)
    {
        var auth = new Command("auth", "Enable or disable authentication") { Enable(actions), Disable(actions), Status(actions) };
        root.Subcommands.Add(auth);
        root.Subcommands.Add(UserCommands.Create(actions));
        root.Subcommands.Add(RoleCommands.Create(actions));
    }

    private static Command Enable(CommandActions actions) => WithoutArguments(actions, "enable", "Enables authentication", async (context, token) =>
    {
        var auth = context.Client.Auth;
        while (true)
        {
            try
            {
                await auth.AuthEnableAsync(token);
                break;
            }
            catch (EtcdRootRoleNotExistException)
            {
                // As etcdctl: create the root role and grant it to root, then try again.
                try
                {
                    await auth.RoleAddAsync("root", token);
                }
                catch (EtcdRoleAlreadyExistsException)
                {
                }

                await auth.UserGrantRoleAsync("root", "root", token);
            }
        }

        context.Console.Out.WriteLine("Authentication Enabled");
    });

    private static Command Disable(CommandActions actions) => WithoutArguments(actions, "disable", "Disables authentication", async (context, token) =>
    {
        await context.Client.Auth.AuthDisableAsync(token);
        context.Console.Out.WriteLine("Authentication Disabled");
    });

    private static Command Status(CommandActions actions) => WithoutArguments(actions, "status", "Returns authentication status (etcd 3.5 and later)",
        async (context, token) => AuthPrinter.Status(context, await context.Client.Auth.AuthStatusAsync(token)));

    /// <summary>An <c>auth</c> subcommand that takes no arguments (else etcdctl's "does not accept any arguments", exit 128).</summary>
    private static Command WithoutArguments(CommandActions actions, string name, string description, Func<CommandContext, CancellationToken, Task> run)
    {
        var args = CommandArguments.Positional("args");
        var command = new Command(name, description) { args };
        actions.Set(command, async context =>
        {
            if (context.Get(args) is { Length: > 0 })
            {
                throw CliException.BadArgs($"auth {name} command does not accept any arguments");
            }

            using var timeout = context.CommandTimeout();
            await run(context, timeout.Token);
        });
        return command;
    }
}
