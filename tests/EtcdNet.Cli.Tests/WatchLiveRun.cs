using System.Diagnostics;
using System.IO.Pipes;
using System.Text;
using EtcdNet.Cli.Output;

namespace EtcdNet.Cli.Tests;

/// <summary>A long-running watch (etcdnet in-process or etcdctl as a process) whose output can be read while it runs.</summary>
public sealed class WatchLiveRun : IAsyncDisposable
{
    private readonly StringBuilder _etcdctlOut = new();
    private readonly StringWriter? _out;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task<int>? _run;
    private readonly Process? _process;
    private readonly AnonymousPipeServerStream? _stdinPipe;
    private readonly TextWriter _stdin;

    private WatchLiveRun(string[] args, bool etcdctl)
    {
        if (etcdctl)
        {
            var info = new ProcessStartInfo("/usr/bin/etcdctl") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
            info.Environment["ETCDCTL_API"] = "3";
            foreach (var arg in args)
            {
                info.ArgumentList.Add(arg);
            }

            _process = Process.Start(info)!;
            _process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                {
                    lock (_etcdctlOut)
                    {
                        _etcdctlOut.Append(e.Data).Append('\n');
                    }
                }
            };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
            _stdin = _process.StandardInput;
        }
        else
        {
            _out = new StringWriter { NewLine = "\n" };
            _stdinPipe = new AnonymousPipeServerStream(PipeDirection.Out);
            var input = new StreamReader(new AnonymousPipeClientStream(PipeDirection.In, _stdinPipe.ClientSafePipeHandle));
            _stdin = new StreamWriter(_stdinPipe) { NewLine = "\n" };
            var console = new CliConsole(TextWriter.Synchronized(_out), TextWriter.Synchronized(new StringWriter()), input, IsTerminal: false);
            _run = Task.Run(() => CliApp.RunAsync(args, console, _ => null, _stop.Token));
        }
    }

    /// <summary>Everything written to stdout so far.</summary>
    public string Output
    {
        get
        {
            if (_out is not null)
            {
                lock (_out)
                {
                    return _out.ToString();
                }
            }

            lock (_etcdctlOut)
            {
                return _etcdctlOut.ToString();
            }
        }
    }

    /// <summary>Writes <paramref name="line"/> and a newline to the watch's stdin.</summary>
    public async Task WriteLineAsync(string line)
    {
        await _stdin.WriteAsync(line + "\n");
        await _stdin.FlushAsync();
    }

    public static WatchLiveRun Etcdnet(params string[] args) => new(args, etcdctl: false);

    public static WatchLiveRun Etcdctl(params string[] args) => new(args, etcdctl: true);

    /// <summary>Waits until stdout holds <paramref name="lines"/> lines (fails after 20 s).</summary>
    public async Task WaitForLinesAsync(int lines)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (Output.Count(c => c == '\n') < lines)
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {lines} lines; got:\n{Output}");
            await Task.Delay(20);
        }
    }

    /// <summary>Stops the watch and returns the exit code of etcdnet (null for etcdctl, which is killed).</summary>
    public async Task<int?> StopAsync()
    {
        _stop.Cancel();
        if (_run is not null)
        {
            return await _run;
        }

        if (!_process!.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process?.Dispose();
        _stdinPipe?.Dispose();
        _stop.Dispose();
    }
}
