using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;

namespace EtcdNet.Cli.Tests.Infrastructure;

/// <summary>A long-running <c>etcdctl</c> (lock, elect) whose stdout lines can be awaited and which can be sent SIGTERM.</summary>
public sealed class EtcdctlProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();

    private EtcdctlProcess(Process process) => _process = process;

    public static EtcdctlProcess Start(string endpoint, params string[] args)
    {
        var info = new ProcessStartInfo("/usr/bin/etcdctl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.Environment["ETCDCTL_API"] = "3";
        info.ArgumentList.Add("--endpoints=" + endpoint);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = info };
        var started = new EtcdctlProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                started._lines.Writer.TryComplete();
            }
            else
            {
                started._lines.Writer.TryWrite(e.Data);
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    public bool HasExited => _process.HasExited;

    /// <summary>The next stdout line, or null if none arrives within <paramref name="timeout"/> (or the output ended).</summary>
    public async Task<string?> NextLineAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            return await _lines.Reader.ReadAsync(cts.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            return null;
        }
    }

    /// <summary>Sends SIGTERM (etcdctl then unlocks or resigns) and returns the exit code.</summary>
    public async Task<int> TerminateAsync()
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(true);
            await _process.WaitForExitAsync();
        }

        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await TerminateAsync();
        }
        finally
        {
            if (!_process.HasExited)
            {
                _process.Kill(true);
            }

            _process.Dispose();
        }
    }
}
