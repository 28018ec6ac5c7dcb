using System.Text;
using System.Threading.Channels;
using EtcdNet.Cli.Output;

namespace EtcdNet.Cli.Tests;

/// <summary>
/// A long-running <c>etcdnet</c> command (lock, elect) run in-process in the background: its stdout lines can be
/// awaited, and interrupting it cancels its token as Ctrl+C or SIGTERM would.
/// </summary>
public sealed class LockBackgroundCli : IAsyncDisposable
{
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly CancellationTokenSource _interrupt = new();
    private readonly StringWriter _stderr = new() { NewLine = "\n" };
    private readonly Task<int> _run;

    private LockBackgroundCli(string[] args)
    {
        var console = new CliConsole(new LineWriter(_lines.Writer), _stderr, new StringReader(string.Empty), IsTerminal: false);
        _run = Task.Run(() => CliApp.RunAsync(args, console, _ => null, _interrupt.Token));
    }

    public static LockBackgroundCli Start(string endpoint, params string[] args) => new(["--endpoints=" + endpoint, .. args]);

    public string Stderr => _stderr.ToString();

    public bool HasExited => _run.IsCompleted;

    /// <summary>The next stdout line, or null if none arrives within <paramref name="timeout"/>.</summary>
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

    /// <summary>Interrupts the command and returns its exit code.</summary>
    public async Task<int> InterruptAsync()
    {
        await _interrupt.CancelAsync();
        return await _run.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await InterruptAsync();
        }
        catch (TimeoutException)
        {
        }

        _interrupt.Dispose();
        _stderr.Dispose();
    }

    /// <summary>Passes each completed line to a channel.</summary>
    private sealed class LineWriter(ChannelWriter<string> lines) : TextWriter
    {
        private readonly StringBuilder _pending = new();

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            lock (_pending)
            {
                if (value == '\n')
                {
                    lines.TryWrite(_pending.ToString());
                    _pending.Clear();
                }
                else
                {
                    _pending.Append(value);
                }
            }
        }
    }
}
