using System.Diagnostics;

namespace EtcdNet.HotPaths;

/// <summary>The process's own CPU time (user + system), as getrusage(RUSAGE_SELF) gives it to the Go program.</summary>
internal static class ProcessCpu
{
    public static double Seconds()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }
}
