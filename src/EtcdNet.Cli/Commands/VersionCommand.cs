using System.CommandLine;
using System.Reflection;

namespace EtcdNet.Cli.Commands;

/// <summary>version: this CLI's version, the etcdctl release whose commands, flags and output it follows, and the API version.</summary>
internal static class VersionCommand
{
    /// <summary>The etcdctl release whose interface (commands, flags, output, exit codes) etcdnet follows.</summary>
    public const string EtcdctlCompatibility = "3.4.23";

    /// <summary>The etcd API version of that release (major.minor).</summary>
    public const string ApiVersion = "3.4";

    public static Command Create(CommandActions actions)
    {
        var command = new Command("version", "Prints the version of etcdnet");
        actions.Set(command, async context =>
        {
            var output = context.Console.Out;
            await output.WriteLineAsync("etcdnet version: " + Version);
            await output.WriteLineAsync("etcdctl compatibility: " + EtcdctlCompatibility);
            await output.WriteLineAsync("API version: " + ApiVersion);
        });
        return command;
    }

    /// <summary>The CLI's informational version without its source-revision suffix.</summary>
    public static string Version
    {
        get
        {
            var informational = typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? typeof(VersionCommand).Assembly.GetName().Version?.ToString()
                ?? "unknown";
            var plus = informational.IndexOf('+', StringComparison.Ordinal);
            return plus < 0 ? informational : informational[..plus];
        }
    }
}
