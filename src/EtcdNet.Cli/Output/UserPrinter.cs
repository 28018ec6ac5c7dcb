using EtcdNet.Cli.Commands;

namespace EtcdNet.Cli.Output;

/// <summary>Prints the user commands' results in the --write-out format, as etcdctl does.</summary>
internal static class UserPrinter
{
    public static void Add(CommandContext context, string user, ResponseHeader header)
        => AuthPrinter.HeaderOnly(context, header, $"User {user} created");

    public static void Delete(CommandContext context, string user, ResponseHeader header)
        => AuthPrinter.HeaderOnly(context, header, $"User {user} deleted");

    public static void ChangePassword(CommandContext context, ResponseHeader header)
        => AuthPrinter.HeaderOnly(context, header, "Password updated");

    public static void GrantRole(CommandContext context, string user, string role, ResponseHeader header)
        => AuthPrinter.HeaderOnly(context, header, $"Role {role} is granted to user {user}");

    public static void RevokeRole(CommandContext context, string user, string role, ResponseHeader header)
        => AuthPrinter.HeaderOnly(context, header, $"Role {role} is revoked from user {user}");

    /// <summary>"User: name" and "Roles: a b" (json: header and roles; fields and table are not defined).</summary>
    public static void Get(CommandContext context, string user, AuthReadResponse<string> response)
    {
        var output = context.Console.Out;
        switch (context.Settings.Format)
        {
            case OutputFormat.Simple:
                output.WriteLine("User: " + user);
                output.Write("Roles:");
                foreach (var role in response.Items)
                {
                    output.Write(" " + role);
                }

                output.WriteLine();
                break;
            case OutputFormat.Json:
                output.WriteLine(new GoJson().StartObject().WriteHeader(response.Header).WriteNames("roles", response.Items).EndObject().ToString());
                break;
            default:
                throw AuthPrinter.Unsupported(context.Settings.Format);
        }
    }

    /// <summary>One user per line (json: header and users; fields and table are not defined).</summary>
    public static void List(CommandContext context, AuthReadResponse<string> response)
        => AuthPrinter.Names(context, response, "users");
}
