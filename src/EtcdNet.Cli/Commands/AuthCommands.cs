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

    private static Command Enable(CommandActions actions)
    {
        var args = AuthFailure.Arguments("args");
        var command = new Command("enable", "Enables authentication") { args };
        AuthFailure.Set(actions, command, async context =>
        {
            RequireNone(context.Get(args), "auth enable command does not accept any arguments");
            using var timeout = context.CommandTimeout();
            var auth = context.Client.Auth;
            while (true)
            {
                try
                {
                    await auth.AuthEnableAsync(timeout.Token);
                    break;
                }
                catch (EtcdRootRoleNotExistException)
                {
                    // As etcdctl: create the root role and grant it to root, then try again.
                    try
                    {
                        await auth.RoleAddAsync("root", timeout.Token);
                    }
                    catch (EtcdRoleAlreadyExistsException)
                    {
                    }

                    await auth.UserGrantRoleAsync("root", "root", timeout.Token);
                }
            }

            context.Console.Out.WriteLine("Authentication Enabled");
        });
        return command;
    }

    private static Command Disable(CommandActions actions)
    {
        var args = AuthFailure.Arguments("args");
        var command = new Command("disable", "Disables authentication") { args };
        AuthFailure.Set(actions, command, async context =>
        {
            RequireNone(context.Get(args), "auth disable command does not accept any arguments");
            using var timeout = context.CommandTimeout();
            await context.Client.Auth.AuthDisableAsync(timeout.Token);
            context.Console.Out.WriteLine("Authentication Disabled");
        });
        return command;
    }

    private static Command Status(CommandActions actions)
    {
        var args = AuthFailure.Arguments("args");
        var command = new Command("status", "Returns authentication status (etcd 3.5 and later)") { args };
        AuthFailure.Set(actions, command, async context =>
        {
            RequireNone(context.Get(args), "auth status command does not accept any arguments");
            using var timeout = context.CommandTimeout();
            AuthPrinter.Status(context, await context.Client.Auth.AuthStatusAsync(timeout.Token));
        });
        return command;
    }

    private static void RequireNone(string[]? args, string message)
    {
        if (args is { Length: > 0 })
        {
            throw CliException.BadArgs(message);
        }
    }
}
