using System.CommandLine;
using EtcdNet.Cli.Errors;
using EtcdNet.Cli.Output;

namespace EtcdNet.Cli.Commands;

/// <summary>The role commands: add, delete, get, list, grant-permission, revoke-permission.</summary>
internal static class RoleCommands
{
    public static Command Create(CommandActions actions) => new("role", "Role related commands")
    {
        Add(actions), Delete(actions), Get(actions), List(actions), GrantPermission(actions), RevokePermission(actions),
    };

    private static Command Add(CommandActions actions) => OneRole(actions, "add", "Adds a new role",
        async (context, role, token) => RolePrinter.Add(context, role, await context.Client.Auth.RoleAddAsync(role, token)));

    private static Command Delete(CommandActions actions) => OneRole(actions, "delete", "Deletes a role",
        async (context, role, token) => RolePrinter.Delete(context, role, await context.Client.Auth.RoleDeleteAsync(role, token)));

    private static Command Get(CommandActions actions) => OneRole(actions, "get", "Gets detailed information of a role",
        async (context, role, token) => RolePrinter.Get(context, role, await context.Client.Auth.RoleGetWithHeaderAsync(role, token)));

    private static Command List(CommandActions actions)
    {
        var args = CommandArguments.Positional("args");
        var command = new Command("list", "Lists all roles") { args };
        actions.Set(command, async context =>
        {
            UserCommands.Expect(context.Get(args), 0, "role list command requires no arguments");
            using var timeout = context.CommandTimeout();
            RolePrinter.List(context, await context.Client.Auth.RoleListWithHeaderAsync(timeout.Token));
        });
        return command;
    }

    private static Command GrantPermission(CommandActions actions)
    {
        var args = CommandArguments.Positional("role name, permission type, key [endkey]");
        var prefix = new Option<bool>("--prefix") { Description = "grant a prefix permission" };
        var fromKey = new Option<bool>("--from-key") { Description = "grant a permission of keys that are greater than or equal to the given key using byte compare" };
        var command = new Command("grant-permission", "Grants a key to a role") { args, prefix, fromKey };
        actions.Set(command, async context =>
        {
            var values = context.Get(args) ?? [];
            if (values.Length < 3)
            {
                throw CliException.BadArgs("role grant command requires role name, permission type, and key [endkey] as its argument");
            }

            var type = values[1].ToUpperInvariant() switch
            {
                "READ" => PermissionType.Read,
                "WRITE" => PermissionType.Write,
                "READWRITE" => PermissionType.ReadWrite,
                _ => throw CliException.BadArgs("invalid permission type: " + values[1]),
            };
            var (key, rangeEnd) = RolePermissionRange.Resolve(values[2..], context.Get(prefix), context.Get(fromKey));
            using var timeout = context.CommandTimeout();
            var header = await context.Client.Auth.RoleGrantPermissionAsync(values[0], type, key, RolePermissionRange.ToRange(key, rangeEnd, context.Get(prefix)), timeout.Token);
            RolePrinter.GrantPermission(context, values[0], header);
        });
        return command;
    }

    private static Command RevokePermission(CommandActions actions)
    {
        var args = CommandArguments.Positional("role name, key [endkey]");
        var prefix = new Option<bool>("--prefix") { Description = "revoke a prefix permission" };
        var fromKey = new Option<bool>("--from-key") { Description = "revoke a permission of keys that are greater than or equal to the given key using byte compare" };
        var command = new Command("revoke-permission", "Revokes a key from a role") { args, prefix, fromKey };
        actions.Set(command, async context =>
        {
            var values = context.Get(args) ?? [];
            if (values.Length < 2)
            {
                throw CliException.BadArgs("role revoke-permission command requires role name and key [endkey] as its argument");
            }

            var (key, rangeEnd) = RolePermissionRange.Resolve(values[1..], context.Get(prefix), context.Get(fromKey));
            using var timeout = context.CommandTimeout();
            var header = await context.Client.Auth.RoleRevokePermissionAsync(values[0], key, RolePermissionRange.ToRange(key, rangeEnd, context.Get(prefix)), timeout.Token);
            RolePrinter.RevokePermission(context, values[0], values[1], rangeEnd, header);
        });
        return command;
    }

    /// <summary>A command whose only argument is one role name (else etcdctl's "role NAME command requires role name" error).</summary>
    private static Command OneRole(CommandActions actions, string name, string description, Func<CommandContext, string, CancellationToken, Task> run)
    {
        var args = CommandArguments.Positional("role name");
        var command = new Command(name, description) { args };
        actions.Set(command, async context =>
        {
            var role = UserCommands.Expect(context.Get(args), 1, $"role {name} command requires role name as its argument")[0];
            using var timeout = context.CommandTimeout();
            await run(context, role, timeout.Token);
        });
        return command;
    }
}
