namespace EtcdNet.Cli.Output;

/// <summary>Where a command reads and writes: the process console, or captured writers in tests.</summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="In">Standard input.</param>
/// <param name="IsTerminal">True when output goes to an interactive terminal (progress bars, prompts).</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, TextReader In, bool IsTerminal)
{
    /// <summary>
    /// The process's standard streams, opened as plain files rather than through <see cref="Console"/>: .NET's console
    /// streams initialize its terminal handling on first use, which writes the terminal's keypad-mode sequence
    /// (<c>ESC [ ? 1 h ESC =</c>) in front of the output when it is a terminal, so output read through a pseudo-terminal
    /// (script, expect, ssh, CI runners) would not be what etcdctl prints.
    /// </summary>
    public static CliConsole System { get; } = OperatingSystem.IsWindows()
        ? new(Console.Out, Console.Error, Console.In, !Console.IsOutputRedirected) { OpenBinaryOut = Console.OpenStandardOutput }
        : new(
            StandardWriter(1) ?? Console.Out,
            StandardWriter(2) ?? Console.Error,
            new DeferredReader(() => StandardStream(0, FileAccess.Read) is { } input ? new StreamReader(input, Utf8) : Console.In),
            !Console.IsOutputRedirected)
        {
            OpenBinaryOut = () => StandardStream(1, FileAccess.Write) ?? Console.OpenStandardOutput(),
        };

    private static readonly global::System.Text.Encoding Utf8 = new global::System.Text.UTF8Encoding(false);

    /// <summary>A thread-safe, auto-flushing writer on a standard stream (as <see cref="Console.Out"/> is), or null.</summary>
    private static TextWriter? StandardWriter(int descriptor) =>
        StandardStream(descriptor, FileAccess.Write) is { } stream ? TextWriter.Synchronized(new StreamWriter(stream, Utf8) { AutoFlush = true }) : null;

    /// <summary>A Unix standard stream read and written on its descriptor, or null when it is closed (then the console's own stream is used).</summary>
    private static DescriptorStream? StandardStream(int descriptor, FileAccess access) =>
        DescriptorStream.IsOpen(descriptor) ? new DescriptorStream(descriptor, access) : null;

    /// <summary>Raw standard output for binary results (protobuf, snapshots to "-"); null for captured consoles.</summary>
    public Func<Stream>? OpenBinaryOut { get; init; }
}
