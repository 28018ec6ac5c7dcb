using System.Diagnostics;

namespace EtcdNet.Testing.Internal;

/// <summary>
/// The process side of an <see cref="EtcdMember"/>: launching, readiness, signals and stopping.
/// State changes are guarded by a lock; callers serialize launch/stop themselves.
/// </summary>
internal sealed class MemberProcess
{
    private static readonly TimeSpan StopGracePeriod = TimeSpan.FromSeconds(10);
    private const int LogLinesInErrors = 200;

    private readonly MemberSetup _setup;
    private readonly MemberLog _log;
    private readonly EtcdHttp _http;
    private readonly object _gate = new();
    private Process? _process;
    private bool _paused;

    internal MemberProcess(MemberSetup setup, MemberLog log, EtcdHttp http)
    {
        _setup = setup;
        _log = log;
        _http = http;
    }

    internal int? ProcessId
    {
        get
        {
            lock (_gate)
            {
                return _process is { HasExited: false } process ? process.Id : null;
            }
        }
    }

    internal bool IsRunning
    {
        get
        {
            lock (_gate)
            {
                return _process is { HasExited: false };
            }
        }
    }

    internal bool IsPaused
    {
        get
        {
            lock (_gate)
            {
                return _paused && _process is { HasExited: false };
            }
        }
    }

    /// <summary>Starts the process without waiting; returns the log mark taken just before.</summary>
    internal long Launch()
    {
        lock (_gate)
        {
            if (_process is { HasExited: false })
            {
                throw new InvalidOperationException($"etcd member {_setup.Name} is already running.");
            }

            _process?.Dispose();
            _process = null;
            _paused = false;
            var mark = _log.Mark;
            _process = EtcdProcessLauncher.Start(_setup.Name, _setup.Binary, _setup.Arguments, _log);
            PidFile.Write(_setup.PidFile, _process.Id);
            return mark;
        }
    }

    /// <summary>Waits until /health is healthy; throws <see cref="EtcdStartException"/> on exit or at <paramref name="deadline"/>.</summary>
    internal async Task WaitReadyAsync(long mark, DateTime deadline, CancellationToken cancellationToken = default)
    {
        Process process;
        lock (_gate)
        {
            process = _process ?? throw new InvalidOperationException($"etcd member {_setup.Name} was not started.");
        }

        var url = _setup.ClientUrl;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false); // drain the output
                throw Failure($"the process exited with code {process.ExitCode} before it became healthy.", mark);
            }

            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                throw Failure($"not healthy at {url}/health within {_setup.StartTimeout.TotalSeconds:0.#} s.", mark);
            }

            var probeTimeout = remaining < TimeSpan.FromSeconds(1) ? remaining : TimeSpan.FromSeconds(1);
            if (await _http.IsHealthyAsync(url, probeTimeout, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
    }

    internal void Pause()
    {
        lock (_gate)
        {
            if (_process is not { HasExited: false } process)
            {
                throw new InvalidOperationException($"etcd member {_setup.Name} is not running.");
            }

            if (!_paused)
            {
                NativeMethods.SendSignal(process.Id, NativeMethods.SigStop);
                _paused = true;
                if (!ProcessState.WaitUntilStopped(process.Id, TimeSpan.FromSeconds(5)))
                {
                    throw new InvalidOperationException($"etcd member {_setup.Name} did not stop within 5 s of SIGSTOP.");
                }

                _log.Add("*** paused (SIGSTOP)");
            }
        }
    }

    internal void Resume()
    {
        lock (_gate)
        {
            if (!_paused)
            {
                return;
            }

            _paused = false;
            if (_process is { HasExited: false } process)
            {
                NativeMethods.SendSignal(process.Id, NativeMethods.SigCont);
                _log.Add("*** resumed (SIGCONT)");
            }
        }
    }

    /// <summary>
    /// Resumes the process if paused, sends SIGTERM (graceful) or SIGKILL and waits for exit; a graceful
    /// stop escalates to SIGKILL after 10 seconds. No-op when there is no process.
    /// </summary>
    internal async Task StopAsync(bool graceful, CancellationToken cancellationToken = default)
    {
        Process? process;
        lock (_gate)
        {
            process = _process;
            if (process is null)
            {
                return;
            }

            if (!process.HasExited)
            {
                // A stopped process does not act on SIGTERM until continued.
                NativeMethods.SendSignal(process.Id, NativeMethods.SigCont);
                _paused = false;
                NativeMethods.SendSignal(process.Id, graceful ? NativeMethods.SigTerm : NativeMethods.SigKill);
            }
        }

        if (graceful)
        {
            using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            grace.CancelAfter(StopGracePeriod);
            try
            {
                await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                _log.Add("*** did not exit within 10 s of SIGTERM; sending SIGKILL");
                NativeMethods.SendSignal(process.Id, NativeMethods.SigKill);
            }
        }

        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            if (ReferenceEquals(_process, process))
            {
                _process = null;
                _paused = false;
            }
        }

        PidFile.Delete(_setup.PidFile);
        process.Dispose();
    }

    /// <summary>Synchronous last-resort kill used at process exit; waits at most 2 seconds.</summary>
    internal void KillImmediately()
    {
        lock (_gate)
        {
            try
            {
                if (_process is { HasExited: false } process)
                {
                    NativeMethods.SendSignal(process.Id, NativeMethods.SigCont);
                    NativeMethods.SendSignal(process.Id, NativeMethods.SigKill);
                    process.WaitForExit(TimeSpan.FromSeconds(2));
                }
            }
            catch (InvalidOperationException)
            {
                // Exiting anyway; the watchdog is the last line of defence.
            }
        }
    }

    private EtcdStartException Failure(string reason, long mark) =>
        new(_setup.Name, reason, _log.Since(mark, LogLinesInErrors));
}
