using System.Diagnostics;
using System.Text;
using System.Threading.Channels;
using EtcdNet.Testing.Internal;

namespace EtcdNet.Testing;

/// <summary>
/// Runs Go's <c>etcdctl</c> (v3 API) against a cluster in tests, for interoperability and golden-output
/// comparisons: either to completion (<see cref="RunAsync"/>) or as a long-running child process
/// (<see cref="Start"/>, for example <c>lock</c>, <c>elect</c> or <c>watch</c>) whose standard output lines
/// can be awaited one at a time. The binary is the <c>ETCDCTL_BINARY</c> environment variable when set,
/// else <c>etcdctl</c> on PATH. Linux only (signals are sent with <c>kill(2)</c>).
/// </summary>
public sealed class EtcdctlProcess : IAsyncDisposable
{
    private static readonly TimeSpan DefaultRunTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan TerminateGrace = TimeSpan.FromSeconds(10);

    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly StringBuilder _stderr = new();
    private Process? _process;

    private EtcdctlProcess()
    {
    }

    /// <summary>True once the process has exited.</summary>
    public bool HasExited => Process.HasExited;

    /// <summary>Everything written to standard error so far.</summary>
    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    private Process Process => _process ?? throw new InvalidOperationException("The process has not been started.");

    /// <summary>
    /// Starts <c>etcdctl --endpoints=<paramref name="endpoint"/> <paramref name="args"/></c> in the background.
    /// Its standard input stays open and empty; read its output with <see cref="NextLineAsync"/>.
    /// </summary>
    /// <param name="endpoint">The client URL, for example <see cref="EtcdMember.ClientUrl"/>.</param>
    /// <param name="args">The command and its flags, for example <c>lock</c> and a lock name.</param>
    /// <returns>The running process; dispose it to terminate it.</returns>
    /// <exception cref="EtcdNotInstalledException">etcdctl could not be started.</exception>
    public static EtcdctlProcess Start(string endpoint, params string[] args)
    {
        var started = new EtcdctlProcess();
        started._process = EtcdctlCommand.Start(endpoint, args, started.Subscribe);
        started._process.BeginOutputReadLine();
        started._process.BeginErrorReadLine();
        return started;
    }

    /// <summary>
    /// Runs <c>etcdctl --endpoints=<paramref name="endpoint"/> <paramref name="args"/></c> to completion,
    /// writing <paramref name="stdin"/> to its standard input and then closing it.
    /// </summary>
    /// <param name="endpoint">The client URL, for example <see cref="EtcdMember.ClientUrl"/>.</param>
    /// <param name="args">The command and its flags.</param>
    /// <param name="stdin">Text for standard input (for example a <c>txn</c> body or a password).</param>
    /// <param name="timeout">How long it may run; 30 seconds when null.</param>
    /// <param name="cancellationToken">Cancels the wait; the process is then killed.</param>
    /// <returns>The exit code and the captured output.</returns>
    /// <exception cref="TimeoutException">It did not exit within <paramref name="timeout"/>; it was killed.</exception>
    /// <exception cref="EtcdNotInstalledException">etcdctl could not be started.</exception>
    public static async Task<EtcdctlResult> RunAsync(
        string endpoint,
        IReadOnlyList<string> args,
        string stdin = "",
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stdin);
        using var process = EtcdctlCommand.Start(endpoint, args);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout ?? DefaultRunTimeout);
        try
        {
            await WriteStdinAsync(process, stdin, deadline.Token).ConfigureAwait(false);
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"{EtcdctlCommand.Describe(args)} did not finish");
        }

        return new EtcdctlResult(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }

    /// <summary>The next standard output line, or null if none arrives within <paramref name="timeout"/> or the output ended.</summary>
    /// <param name="timeout">How long to wait for the line.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The line without its terminator, or null.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<string?> NextLineAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(timeout);
        try
        {
            return await _lines.Reader.ReadAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }

    /// <summary>
    /// Sends SIGTERM (etcdctl then unlocks, resigns or closes its session, revoking the lease) and waits for
    /// exit, killing it after 10 seconds.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait; the process is then killed.</param>
    /// <returns>The exit code.</returns>
    public async Task<int> TerminateAsync(CancellationToken cancellationToken = default)
    {
        var process = Process;
        if (!process.HasExited)
        {
            NativeMethods.SendSignal(process.Id, NativeMethods.SigTerm);
        }

        using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        grace.CancelAfter(TerminateGrace);
        try
        {
            await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill();
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }

        return process.ExitCode;
    }

    /// <summary>Kills the process (SIGKILL, with any children) without waiting. No-op when it has exited.</summary>
    public void Kill()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>Terminates the process as <see cref="TerminateAsync"/> does and releases it.</summary>
    /// <returns>A task that completes when the process has exited.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_process is null)
        {
            return;
        }

        try
        {
            await TerminateAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            Kill();
            _process.Dispose();
        }
    }

    // etcdctl may exit (for example on a usage error) before it reads its input: the pipe is then broken,
    // and what counts is its output and exit code.
    private static async Task WriteStdinAsync(Process process, string stdin, CancellationToken cancellationToken)
    {
        try
        {
            await process.StandardInput.WriteAsync(stdin.AsMemory(), cancellationToken).ConfigureAwait(false);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // Broken pipe: the process no longer reads standard input.
        }
    }

    private void Subscribe(Process process)
    {
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _lines.Writer.TryComplete();
            }
            else
            {
                _lines.Writer.TryWrite(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_stderr)
                {
                    _stderr.Append(e.Data).Append('\n');
                }
            }
        };
    }
}
