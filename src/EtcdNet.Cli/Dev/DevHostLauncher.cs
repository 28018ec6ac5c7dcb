using System.Diagnostics;
using EtcdNet.Cli.Errors;

namespace EtcdNet.Cli.Dev;

/// <summary>
/// Starts the dev host as a detached process: its own session (setsid), stdio on the log file, parent
/// init, so neither the calling shell nor a closing terminal stops it. Then waits until it reports the
/// cluster healthy (state file) or failed (error file, or the host exited).
/// </summary>
internal static class DevHostLauncher
{
    private const string Shell = "/bin/sh";
    private static readonly string[] SetsidCandidates = ["/usr/bin/setsid", "/bin/setsid"];
    private static readonly TimeSpan HostStartTimeout = TimeSpan.FromSeconds(20);

    public static async Task<DevState> StartAsync(DevPaths paths, DevClusterRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        File.Delete(paths.StateFile);
        File.Delete(paths.ErrorFile);
        File.Delete(paths.HostPidFile);
        Launch(paths, request);

        var clock = Stopwatch.StartNew();
        var hostSeen = false;
        while (true)
        {
            if (DevState.TryRead(paths) is { } state)
            {
                return state;
            }

            if (File.Exists(paths.ErrorFile))
            {
                throw new CliException("the dev cluster did not start: " + ReadError(paths));
            }

            var hostPid = DevProcesses.ReadPidFile(paths.HostPidFile);
            var hostAlive = hostPid > 0 && DevProcesses.IsAlive(hostPid, DevHostCommandLine.Marker(paths));
            hostSeen |= hostAlive;
            if (hostSeen && !hostAlive && DevState.TryRead(paths) is null)
            {
                throw new CliException($"the dev host exited before the cluster was ready; see {paths.LogFile}");
            }

            if (!hostSeen && clock.Elapsed >= HostStartTimeout)
            {
                throw new CliException($"the dev host did not start within {HostStartTimeout.TotalSeconds:0} s; see {paths.LogFile}");
            }

            if (clock.Elapsed >= timeout)
            {
                if (hostAlive)
                {
                    await DevProcesses.SignalAsync(hostPid, kill: false, CancellationToken.None);
                }

                throw new CliException($"the dev cluster was not ready within {timeout.TotalSeconds:0} s; see {paths.LogFile}");
            }

            try
            {
                await Task.Delay(100, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Interrupted: do not leave a half-started cluster behind.
                await DevTeardown.StopAsync(paths, CancellationToken.None);
                throw;
            }
        }
    }

    private static void Launch(DevPaths paths, DevClusterRequest request)
    {
        var (cli, prefix) = DevHostCommandLine.Cli();
        var setsid = SetsidCandidates.FirstOrDefault(File.Exists);

        // sh redirects stdio to the log; setsid --fork gives the host a new session and lets it be
        // re-parented to init, so it is reaped whoever started it.
        var start = new ProcessStartInfo(Shell) { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(setsid is null
            ? "log=$1; shift; \"$@\" </dev/null >\"$log\" 2>&1 &"
            : "log=$1; shift; exec " + setsid + " --fork \"$@\" </dev/null >\"$log\" 2>&1");
        start.ArgumentList.Add("sh");
        start.ArgumentList.Add(paths.LogFile);
        start.ArgumentList.Add(cli);
        foreach (var argument in prefix.Concat(DevHostCommandLine.Arguments(paths, request)))
        {
            start.ArgumentList.Add(argument);
        }

        using var launcher = Process.Start(start) ?? throw new CliException("could not start " + Shell);
        launcher.WaitForExit();
        if (launcher.ExitCode != 0)
        {
            throw new CliException($"could not start the dev host (exit {launcher.ExitCode})");
        }
    }

    private static string ReadError(DevPaths paths)
    {
        try
        {
            return File.ReadAllText(paths.ErrorFile).Trim();
        }
        catch (IOException)
        {
            return "see " + paths.LogFile;
        }
    }
}
