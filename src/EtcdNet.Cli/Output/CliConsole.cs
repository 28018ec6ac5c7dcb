namespace EtcdNet.Cli.Output;

/// <summary>Where a command reads and writes: the process console, or captured writers in tests.</summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="In">Standard input.</param>
/// <param name="IsTerminal">True when output goes to an interactive terminal (progress bars, prompts).</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, TextReader In, bool IsTerminal)
{
    /// <summary>The process console.</summary>
    public static CliConsole System { get; } = new(
        Console.Out,
        Console.Error,
        Console.In,
        !Console.IsOutputRedirected);

    /// <summary>Raw standard output for binary results (protobuf, snapshots to "-"); null for captured consoles.</summary>
    public Func<Stream>? OpenBinaryOut { get; init; }
}
