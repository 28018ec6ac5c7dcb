using System.Runtime.InteropServices;

namespace EtcdNet.Cli.Output;

/// <summary>
/// Turns a terminal's echo off while a password is typed, through termios on the descriptor itself: .NET's
/// <see cref="Console.ReadKey(bool)"/> would do it too, but it first initializes the console's terminal handling,
/// which writes the keypad-mode sequence into the output.
/// </summary>
internal static partial class TerminalEcho
{
    // Linux: struct termios is c_iflag, c_oflag, c_cflag, c_lflag (4 bytes each), c_line, c_cc[32], two speeds.
    private const int TermiosSize = 60;
    private const int LocalFlagsOffset = 12;
    private const uint EchoFlag = 0x8; // ECHO
    private const int SetNow = 0; // TCSANOW

    /// <summary>
    /// Turns echo off on <paramref name="descriptor"/> until the result is disposed; null when it is not a terminal
    /// whose settings this code knows (not Linux, or not a terminal).
    /// </summary>
    public static IDisposable? Off(int descriptor)
    {
        if (!OperatingSystem.IsLinux() || IsTerminal(descriptor) != 1)
        {
            return null;
        }

        var saved = new byte[TermiosSize + 64]; // room for a larger struct than this layout assumes
        if (GetAttributes(descriptor, saved) != 0)
        {
            return null;
        }

        var quiet = (byte[])saved.Clone();
        var flags = BitConverter.ToUInt32(quiet, LocalFlagsOffset) & ~EchoFlag;
        BitConverter.TryWriteBytes(quiet.AsSpan(LocalFlagsOffset), flags);
        return SetAttributes(descriptor, SetNow, quiet) == 0 ? new Restore(descriptor, saved) : null;
    }

    [LibraryImport("libc", EntryPoint = "isatty")]
    private static partial int IsTerminal(int descriptor);

    [LibraryImport("libc", EntryPoint = "tcgetattr", SetLastError = true)]
    private static partial int GetAttributes(int descriptor, [Out] byte[] termios);

    [LibraryImport("libc", EntryPoint = "tcsetattr", SetLastError = true)]
    private static partial int SetAttributes(int descriptor, int when, byte[] termios);

    private sealed class Restore(int descriptor, byte[] saved) : IDisposable
    {
        public void Dispose() => SetAttributes(descriptor, SetNow, saved);
    }
}
