using System.Runtime.InteropServices;

namespace EtcdNet.Cli.Commands;

/// <summary>Sends POSIX signals to child processes (to pass an interruption on to a command we run).</summary>
internal static class ChildSignals
{
    private const int SigTerm = 15;

    /// <summary>Asks process <paramref name="pid"/> to terminate (SIGTERM); best effort, no-op on Windows.</summary>
    public static void Terminate(int pid)
    {
        if (!OperatingSystem.IsWindows())
        {
            _ = Kill(pid, SigTerm);
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable SYSLIB1054 // a blittable signature: LibraryImport would only add unsafe code
    private static extern int Kill(int pid, int signal);
#pragma warning restore SYSLIB1054
}
