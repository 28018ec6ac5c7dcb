using System.Diagnostics;

namespace EtcdNet.Cli.Bench;

/// <summary>CPU time (user and system) used so far by this process.</summary>
internal static class ProcessCpu
{
    public static (TimeSpan User, TimeSpan System) Now()
    {
        using var process = Process.GetCurrentProcess();
        return (process.UserProcessorTime, process.PrivilegedProcessorTime);
    }

    public static TimeSpan Total()
    {
        var (user, system) = Now();
        return user + system;
    }
}
