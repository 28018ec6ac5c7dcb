using System.Diagnostics;
using System.Threading.Channels;

namespace EtcdNet.Concurrency.Tests.Infrastructure;

/// <summary>A running <c>etcdctl</c> (Go's concurrency package) child process whose stdout lines can be awaited.</summary>
public sealed class Etcdctl : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();

    private Etcdctl(Process process) => _process = process;

    public static Etcdctl Start(string endpoint, params string[] args)
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
        var ctl = new Etcdctl(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                ctl._lines.Writer.TryComplete();
            }
            else
            {
                ctl._lines.Writer.TryWrite(e.Data);
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return ctl;
    }

    /// <summary>The next stdout line, or null if none arrives within <paramref name="timeout"/>.</summary>
    public async Task<string?> NextLineAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            return await _lines.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }

    /// <summary>Sends SIGTERM (etcdctl then closes its session, revoking the lease) and waits for exit.</summary>
    public async Task TerminateAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
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
        }
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
