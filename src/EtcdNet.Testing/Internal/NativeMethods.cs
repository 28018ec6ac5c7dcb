using System.Runtime.InteropServices;

namespace EtcdNet.Testing.Internal;

/// <summary>libc signal delivery (Linux signal numbers).</summary>
internal static partial class NativeMethods
{
    internal const int SigKill = 9;
    internal const int SigTerm = 15;
    internal const int SigCont = 18;
    internal const int SigStop = 19;

    private const int Esrch = 3;

    /// <summary>
    /// Sends <paramref name="signal"/> to <paramref name="pid"/>. Returns false when the process
    /// no longer exists; throws for any other failure.
    /// </summary>
    internal static bool SendSignal(int pid, int signal)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("EtcdNet.Testing sends POSIX signals and supports Linux only.");
        }

        if (Kill(pid, signal) == 0)
        {
            return true;
        }

        var errno = Marshal.GetLastPInvokeError();
        if (errno == Esrch)
        {
            return false;
        }

        throw new InvalidOperationException($"kill({pid}, {signal}) failed with errno {errno}.");
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int sig);
}
