using EtcdNet.Cli.Commands;
using EtcdNet.Cli.Errors;

namespace EtcdNet.Cli.Output;

/// <summary>Output shared by the auth, user and role commands, as etcdctl prints it.</summary>
internal static class AuthPrinter
{
    /// <summary>
    /// A response that carries only a header: <paramref name="simpleLine"/> in simple output, the header in json and
    /// fields output; table (and protobuf) are refused after the call, as etcdctl does.
    /// </summary>
    public static void HeaderOnly(CommandContext context, ResponseHeader header, string simpleLine)
    {
        var output = context.Console.Out;
        switch (context.Settings.Format)
        {
            case OutputFormat.Simple:
                output.WriteLine(simpleLine);
                break;
            case OutputFormat.Json:
                output.WriteLine(new GoJson().StartObject().WriteHeader(header).EndObject().ToString());
                break;
            case OutputFormat.Fields:
                HeaderPrinter.WriteFields(output, header);
                break;
            default:
                throw Unsupported(context.Settings.Format);
        }
    }

    /// <summary>
    /// A list of user or role names: one per line in simple output, the header and <c>"<paramref name="jsonName"/>":[…]</c>
    /// in json; other formats are refused, as etcdctl does.
    /// </summary>
    public static void Names(CommandContext context, AuthReadResponse<string> response, string jsonName)
    {
        var output = context.Console.Out;
        switch (context.Settings.Format)
        {
            case OutputFormat.Simple:
                foreach (var name in response.Items)
                {
                    output.WriteLine(name);
                }

                break;
            case OutputFormat.Json:
                output.WriteLine(new GoJson().StartObject().WriteHeader(response.Header).WriteNames(jsonName, response.Items).EndObject().ToString());
                break;
            default:
                throw Unsupported(context.Settings.Format);
        }
    }

    /// <summary>etcdctl's error for a format a command does not print (exit 4).</summary>
    public static CliException Unsupported(OutputFormat format)
        => CliException.BadFeature($"{format.ToString().ToLowerInvariant()} not supported as output format");

    /// <summary>Writes <c>"name":["a","b"]</c> unless <paramref name="names"/> is empty (Go's omitempty).</summary>
    public static GoJson WriteNames(this GoJson json, string name, IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return json;
        }

        json.Name(name).StartArray();
        foreach (var item in names)
        {
            json.Value(item);
        }

        return json.EndArray();
    }

    /// <summary>
    /// <c>auth status</c> as etcd 3.5's etcdctl prints it (etcdctl 3.4 has no such command):
    /// "Authentication Status: true" and "AuthRevision: N".
    /// </summary>
    public static void Status(CommandContext context, AuthStatusResponse response)
    {
        var output = context.Console.Out;
        switch (context.Settings.Format)
        {
            case OutputFormat.Simple:
                output.WriteLine("Authentication Status: " + (response.Enabled ? "true" : "false"));
                output.WriteLine("AuthRevision: " + response.AuthRevision.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            case OutputFormat.Json:
                var json = new GoJson().StartObject().WriteHeader(response.Header);
                if (response.Enabled)
                {
                    json.Field("enabled", true);
                }

                if (response.AuthRevision != 0)
                {
                    json.Field("authRevision", response.AuthRevision);
                }

                output.WriteLine(json.EndObject().ToString());
                break;
            case OutputFormat.Fields:
                HeaderPrinter.WriteFields(output, response.Header);
                output.WriteLine("\"Enabled\" : " + (response.Enabled ? "true" : "false"));
                output.WriteLine("\"AuthRevision\" : " + response.AuthRevision.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            default:
                throw Unsupported(context.Settings.Format);
        }
    }
}
