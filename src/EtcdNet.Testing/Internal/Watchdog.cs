using System.Diagnostics;
using System.Globalization;

namespace EtcdNet.Testing.Internal;

/// <summary>
/// A detached <c>/bin/sh</c> loop that outlives the test process: once that process is gone (even
/// after SIGKILL) it kills every member listed in the cluster directory's pid files and deletes the
/// directory. It exits by itself when the directory disappears (normal dispose).
/// </summary>
internal sealed class Watchdog
{
    private const string Shell = "/bin/sh";
    private static readonly string[] SetsidCandidates = ["/usr/bin/setsid", "/bin/setsid"];

    private readonly Process _process;
    private readonly bool _ownSession;

    private Watchdog(Process process, bool ownSession)
    {
        _process = process;
        _ownSession = ownSession;
    }

    /// <summary>Starts the watchdog for <paramref name="clusterDirectory"/>; null when no shell is available.</summary>
    internal static Watchdog? TryStart(string clusterDirectory)
    {
        if (!File.Exists(Shell))
        {
            return null;
        }

        // setsid puts the loop in its own session, so killing the test's process group spares it.
        var setsid = SetsidCandidates.FirstOrDefault(File.Exists);
        var startInfo = new ProcessStartInfo(setsid ?? Shell) { UseShellExecute = false };
        if (setsid is not null)
        {
            startInfo.ArgumentList.Add(Shell);
        }

        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add(BuildScript(Environment.ProcessId, clusterDirectory));
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start the watchdog shell.");
        return new Watchdog(process, setsid is not null);
    }

    /// <summary>Kills the watchdog (and its <c>sleep</c>) without waiting.</summary>
    internal void Kill()
    {
        try
        {
            if (!_ownSession || !NativeMethods.SendSignal(-_process.Id, NativeMethods.SigKill))
            {
                NativeMethods.SendSignal(_process.Id, NativeMethods.SigKill);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>Kills the watchdog and waits for it to exit.</summary>
    internal async Task StopAsync(CancellationToken cancellationToken = default)
    {
        Kill();
        await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        _process.Dispose();
    }

    /// <summary>Quotes <paramref name="value"/> as one POSIX shell word.</summary>
    internal static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string BuildScript(int ownerPid, string clusterDirectory)
    {
        // probe prints "<state> <starttime>" of the owner, or "gone"; a zombie or a recycled pid
        // (different start time) counts as gone. A pid file only leads to a kill when that process's
        // command line names the cluster directory, so a recycled member pid is never hit.
        var script = """
            exec </dev/null >/dev/null 2>&1
            trap '' HUP INT TERM PIPE
            owner=__OWNER__
            dir=__DIR__
            probe() { s=$(cat "/proc/$owner/stat" 2>/dev/null) || { echo gone; return; }; s=${s##*) }; set -- $s; echo "$1 ${20}"; }
            first=$(probe)
            while kill -0 "$owner" 2>/dev/null && [ -d "$dir" ]; do
              now=$(probe)
              case "$now" in gone|Z*|X*) break;; esac
              [ "${now#* }" = "${first#* }" ] || break
              sleep 1
            done
            [ -d "$dir" ] || exit 0
            for f in "$dir"/*.pid; do
              [ -f "$f" ] || continue
              p=$(cat "$f" 2>/dev/null)
              case "$p" in ''|*[!0-9]*) continue;; esac
              if grep -qaF -- "$dir" "/proc/$p/cmdline"; then kill -CONT "$p"; kill -KILL "$p"; fi
            done
            rm -rf -- "$dir"
            """;
        return script
            .Replace("__OWNER__", ownerPid.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("__DIR__", Quote(clusterDirectory), StringComparison.Ordinal);
    }
}
