using System.Diagnostics;
using System.Globalization;

namespace EtcdNet.Cli.Dev;

/// <summary>Finds out whether a process of the dev cluster still runs, and signals it (Linux /proc and kill).</summary>
internal static class DevProcesses
{
    /// <summary>
    /// True when <paramref name="pid"/> runs (not a zombie) and its command line contains
    /// <paramref name="marker"/>, so a recycled process id never counts.
    /// </summary>
    public static bool IsAlive(int pid, string marker)
    {
        if (pid <= 0)
        {
            return false;
        }

        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            var afterName = stat[(stat.LastIndexOf(')') + 1)..].TrimStart();
            if (afterName.StartsWith('Z') || afterName.StartsWith('X'))
            {
                return false;
            }

            var commandLine = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cmdline");
            return commandLine.Contains(marker, StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Sends SIGTERM (graceful) or SIGKILL to <paramref name="pid"/>; a process that is already gone is fine.</summary>
    public static async Task SignalAsync(int pid, bool kill, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("kill") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(kill ? "-KILL" : "-TERM");
        start.ArgumentList.Add(pid.ToString(CultureInfo.InvariantCulture));
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not run kill");
        await process.WaitForExitAsync(cancellationToken);
    }

    /// <summary>Waits until <see cref="IsAlive"/> is false or <paramref name="timeout"/> passes; returns whether it is gone.</summary>
    public static async Task<bool> WaitGoneAsync(int pid, string marker, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (IsAlive(pid, marker))
        {
            if (deadline.Elapsed >= timeout)
            {
                return false;
            }

            await Task.Delay(50, cancellationToken);
        }

        return true;
    }

    /// <summary>Reads a pid file; 0 when missing or malformed.</summary>
    public static int ReadPidFile(string path)
    {
        try
        {
            return int.TryParse(File.ReadAllText(path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
