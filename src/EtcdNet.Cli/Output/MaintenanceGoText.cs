using EtcdNet.Cli.Errors;

namespace EtcdNet.Cli.Output;

/// <summary>Small pieces of Go's fmt output that etcdctl's printers use, and the error for a format a command lacks.</summary>
internal static class MaintenanceGoText
{
    /// <summary>fmt.Println of a bool.</summary>
    public static string Bool(bool value) => value ? "true" : "false";

    /// <summary>fmt.Println of a []string: "[a b]".</summary>
    public static string List(IEnumerable<string> items) => "[" + string.Join(' ', items) + "]";

    /// <summary>The error etcdctl gives for an output format a command does not define (exit 4).</summary>
    public static CliException Unsupported(OutputFormat format)
        => CliException.BadFeature($"{format.ToString().ToLowerInvariant()} not supported as output format");
}
