using System.CommandLine;
using EtcdNet.Cli.Errors;
using EtcdNet.Cli.Output;

namespace EtcdNet.Cli.Commands;

/// <summary>The user commands: add, delete, get, list, passwd, grant-role, revoke-role.</summary>
internal static class UserCommands
{
    public static Command Create(CommandActions actions) => new("user", "User related commands")
    {
        Add(actions), Delete(actions), Get(actions), List(actions), Passwd(actions), GrantRole(actions), RevokeRole(actions),
    };

    private static Command Add(CommandActions actions)
    {
        var args = CommandArguments.Positional("user name or user:password");
        var interactive = new Option<bool>("--interactive") { Description = "Read password from stdin instead of interactive terminal", DefaultValueFactory = _ => true };
        var newUserPassword = new Option<string>("--new-user-password") { Description = "Supply password from the command line flag", DefaultValueFactory = _ => string.Empty };
        var noPassword = new Option<bool>("--no-password") { Description = "Create a user without password (CN based auth only)" };
        var command = new Command("add", "Adds a new user") { args, interactive, newUserPassword, noPassword };
        actions.Set(command, async context =>
        {
            var values = Expect(context.Get(args), 1, "user add command requires user name as its argument");
            string user;
            string? password = null;
            if (context.Get(noPassword))
            {
                user = values[0];
            }
            else if (context.Get(newUserPassword) is { Length: > 0 } fromFlag)
            {
                user = values[0];
                password = fromFlag;
            }
            else if (values[0].IndexOf(':', StringComparison.Ordinal) is var colon and >= 0)
            {
                user = values[0][..colon];
                password = values[0][(colon + 1)..];
                if (user.Length == 0)
                {
                    throw CliException.BadArgs("empty user name is not allowed");
                }
            }
            else
            {
                user = values[0];
                password = context.Get(interactive)
                    ? await UserPassword.ReadInteractiveAsync(context, user)
                    : await UserPassword.ReadWordAsync(context);
            }

            using var timeout = context.CommandTimeout();
            UserPrinter.Add(context, user, await context.Client.Auth.UserAddAsync(user, password, timeout.Token));
        });
        return command;
    }

    private static Command Delete(CommandActions actions)
    {
        var args = CommandArguments.Positional("user name");
        var command = new Command("delete", "Deletes a user") { args };
        actions.Set(command, async context =>
        {
            var user = Expect(context.Get(args), 1, "user delete command requires user name as its argument")[0];
            using var timeout = context.CommandTimeout();
            UserPrinter.Delete(context, user, await context.Client.Auth.UserDeleteAsync(user, timeout.Token));
        });
        return command;
    }

    private static Command Get(CommandActions actions)
    {
        var args = CommandArguments.Positional("user name");
        var detail = new Option<bool>("--detail") { Description = "Show permissions of roles granted to the user" };
        var command = new Command("get", "Gets detailed information of a user") { args, detail };
        actions.Set(command, async context =>
        {
            var user = Expect(context.Get(args), 1, "user get command requires user name as its argument")[0];
            using var timeout = context.CommandTimeout();
            var auth = context.Client.Auth;
            var response = await auth.UserGetWithHeaderAsync(user, timeout.Token);
            if (!context.Get(detail))
            {
                UserPrinter.Get(context, user, response);
                return;
            }

            // As etcdctl: the user line, then each role as "role get" prints it, after an empty line.
            var output = context.Console.Out;
            output.WriteLine("User: " + user);
            foreach (var role in response.Items)
            {
                output.WriteLine();
                RolePrinter.Get(context, role, await auth.RoleGetWithHeaderAsync(role, timeout.Token));
            }
        });
        return command;
    }

    private static Command List(CommandActions actions)
    {
        var args = CommandArguments.Positional("args");
        var command = new Command("list", "Lists all users") { args };
        actions.Set(command, async context =>
        {
            Expect(context.Get(args), 0, "user list command requires no arguments");
            using var timeout = context.CommandTimeout();
            UserPrinter.List(context, await context.Client.Auth.UserListWithHeaderAsync(timeout.Token));
        });
        return command;
    }

    private static Command Passwd(CommandActions actions)
    {
        var args = CommandArguments.Positional("user name");
        var interactive = new Option<bool>("--interactive") { Description = "If true, read password from stdin instead of interactive terminal", DefaultValueFactory = _ => true };
        var command = new Command("passwd", "Changes password of user") { args, interactive };
        actions.Set(command, async context =>
        {
            var user = Expect(context.Get(args), 1, "user passwd command requires user name as its argument")[0];
            var password = context.Get(interactive)
                ? await UserPassword.ReadInteractiveAsync(context, user)
                : await UserPassword.ReadWordAsync(context);
            using var timeout = context.CommandTimeout();
            UserPrinter.ChangePassword(context, await context.Client.Auth.UserChangePasswordAsync(user, password, timeout.Token));
        });
        return command;
    }

    private static Command GrantRole(CommandActions actions) => UserAndRole(actions, "grant-role", "Grants a role to a user", "user grant command requires user name and role name as its argument",
        async (context, user, role, token) => UserPrinter.GrantRole(context, user, role, await context.Client.Auth.UserGrantRoleAsync(user, role, token)));

    private static Command RevokeRole(CommandActions actions) => UserAndRole(actions, "revoke-role", "Revokes a role from a user", "user revoke-role requires user name and role name as its argument",
        async (context, user, role, token) => UserPrinter.RevokeRole(context, user, role, await context.Client.Auth.UserRevokeRoleAsync(user, role, token)));

    /// <summary>A command whose arguments are a user name and a role name (else <paramref name="usage"/>, exit 128).</summary>
    private static Command UserAndRole(CommandActions actions, string name, string description, string usage, Func<CommandContext, string, string, CancellationToken, Task> run)
    {
        var args = CommandArguments.Positional("user name and role name");
        var command = new Command(name, description) { args };
        actions.Set(command, async context =>
        {
            var values = Expect(context.Get(args), 2, usage);
            using var timeout = context.CommandTimeout();
            await run(context, values[0], values[1], timeout.Token);
        });
        return command;
    }

    /// <summary>The arguments when there are exactly <paramref name="count"/>; otherwise etcdctl's message (exit 128).</summary>
    internal static string[] Expect(string[]? args, int count, string message)
        => (args ?? []).Length == count ? args ?? [] : throw CliException.BadArgs(message);
}
