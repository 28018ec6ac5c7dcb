using System.Text;
using EtcdNet.Cli.Commands;

namespace EtcdNet.Cli.Output;

/// <summary>Prints the role commands' results in the --write-out format, as etcdctl does.</summary>
internal static class RolePrinter
{
    public static void Add(CommandContext context, string role, ResponseHeader header)
        => AuthPrinter.HeaderOnly(context, header, $"Role {role} created");

    public static void Delete(CommandContext context, string role, ResponseHeader header)
        => AuthPrinter.HeaderOnly(context, header, $"Role {role} deleted");

    public static void GrantPermission(CommandContext context, string role, ResponseHeader header)
        => AuthPrinter.HeaderOnly(context, header, $"Role {role} updated");

    /// <summary>"Permission of key k is revoked…", or of the range [k, end) or [k, &lt;open ended&gt;.</summary>
    public static void RevokePermission(CommandContext context, string role, string key, string rangeEnd, ResponseHeader header)
    {
        var line = rangeEnd.Length == 0
            ? $"Permission of key {key} is revoked from role {role}"
            : rangeEnd != "\0"
                ? $"Permission of range [{key}, {rangeEnd}) is revoked from role {role}"
                : $"Permission of range [{key}, <open ended> is revoked from role {role}";
        AuthPrinter.HeaderOnly(context, header, line);
    }

    /// <summary>One role per line (json: header and roles; fields: header and the quoted roles on one line).</summary>
    public static void List(CommandContext context, AuthReadResponse<string> response)
    {
        if (context.Settings.Format != OutputFormat.Fields)
        {
            AuthPrinter.Names(context, response, "roles");
            return;
        }

        var output = context.Console.Out;
        HeaderPrinter.WriteFields(output, response.Header);
        output.Write("\"Roles\" :");
        foreach (var role in response.Items)
        {
            output.Write(" " + GoQuote.Quote(role));
        }

        output.WriteLine();
    }

    /// <summary>A role's permissions: the "KV Read:" and "KV Write:" lists, or the permissions in json or fields.</summary>
    public static void Get(CommandContext context, string role, AuthReadResponse<Permission> response)
    {
        var output = context.Console.Out;
        switch (context.Settings.Format)
        {
            case OutputFormat.Simple:
                output.WriteLine("Role " + role);
                output.WriteLine("KV Read:");
                WritePermissions(output, response.Items, PermissionType.Read);
                output.WriteLine("KV Write:");
                WritePermissions(output, response.Items, PermissionType.Write);
                break;
            case OutputFormat.Json:
                var json = new GoJson().StartObject().WriteHeader(response.Header);
                if (response.Items.Count > 0)
                {
                    json.Name("perm").StartArray();
                    foreach (var permission in response.Items)
                    {
                        WriteJson(json, permission);
                    }

                    json.EndArray();
                }

                output.WriteLine(json.EndObject().ToString());
                break;
            case OutputFormat.Fields:
                HeaderPrinter.WriteFields(output, response.Header);
                foreach (var permission in response.Items)
                {
                    output.WriteLine("\"PermType\" :  " + TypeName(permission.Type));
                    output.WriteLine("\"Key\" : " + GoQuote.Quote(permission.Key.Span));
                    output.WriteLine("\"RangeEnd\" : " + GoQuote.Quote(permission.RangeEnd.Span));
                }

                break;
            default:
                throw AuthPrinter.Unsupported(context.Settings.Format);
        }
    }

    /// <summary>The smallest key after every key with <paramref name="prefix"/> ("\0" when there is none), as etcd's clients compute it.</summary>
    public static byte[] PrefixEnd(ReadOnlySpan<byte> prefix)
    {
        var end = prefix.ToArray();
        for (var i = end.Length - 1; i >= 0; i--)
        {
            if (end[i] < 0xff)
            {
                end[i]++;
                return end[..(i + 1)];
            }
        }

        return [0];
    }

    private static void WritePermissions(TextWriter output, IReadOnlyList<Permission> permissions, PermissionType kind)
    {
        foreach (var permission in permissions)
        {
            if (permission.Type != kind && permission.Type != PermissionType.ReadWrite)
            {
                continue;
            }

            var key = Encoding.UTF8.GetString(permission.Key.Span);
            if (permission.RangeEnd.IsEmpty)
            {
                output.WriteLine("\t" + key);
                continue;
            }

            var end = permission.RangeEnd.Span;
            var line = end.SequenceEqual("\0"u8) ? $"\t[{key}, <open ended>" : $"\t[{key}, {Encoding.UTF8.GetString(end)})";
            if (end.SequenceEqual(PrefixEnd(permission.Key.Span)))
            {
                line += $" (prefix {key})";
            }

            output.WriteLine(line);
        }
    }

    private static void WriteJson(GoJson json, Permission permission)
    {
        json.StartObject();
        if (permission.Type != PermissionType.Read)
        {
            json.Field("permType", (long)permission.Type);
        }

        if (!permission.Key.IsEmpty)
        {
            json.BytesField("key", permission.Key.Span);
        }

        if (!permission.RangeEnd.IsEmpty)
        {
            json.BytesField("range_end", permission.RangeEnd.Span);
        }

        json.EndObject();
    }

    private static string TypeName(PermissionType type) => type switch
    {
        PermissionType.Read => "READ",
        PermissionType.Write => "WRITE",
        PermissionType.ReadWrite => "READWRITE",
        _ => ((int)type).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
