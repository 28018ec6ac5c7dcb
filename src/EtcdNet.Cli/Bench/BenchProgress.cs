using System.Diagnostics;
using System.Globalization;
using EtcdNet.Cli.Output;
using Spectre.Console;

namespace EtcdNet.Cli.Bench;

/// <summary>
/// Shows how far a running phase is: a live progress bar on stderr when on a terminal, otherwise a plain line
/// on stderr every few seconds (short runs print nothing).
/// </summary>
internal static class BenchProgress
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    /// <summary>Polls <paramref name="done"/> until <paramref name="work"/> completes; <paramref name="total"/> or <paramref name="duration"/> give the end.</summary>
    public static async Task TrackAsync(CliConsole console, string name, Task work, Func<long> done, long total, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(done);
        var start = Stopwatch.GetTimestamp();
        double Fraction()
        {
            var byCount = total > 0 ? (double)done() / total : 0;
            var byTime = duration > TimeSpan.Zero ? Stopwatch.GetElapsedTime(start) / duration : 0;
            return Math.Clamp(Math.Max(byCount, byTime), 0, 1);
        }

        if (console.IsTerminal)
        {
            var terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console.Error) });
            await terminal.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask(name, maxValue: 1000);
                    while (!work.IsCompleted)
                    {
                        task.Value = Fraction() * 1000;
                        task.Description = string.Create(CultureInfo.InvariantCulture, $"{name} {done()}");
                        await Task.WhenAny(work, Task.Delay(100));
                    }

                    task.Value = 1000;
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"{name} {done()}");
                });
            return;
        }

        while (!work.IsCompleted)
        {
            await Task.WhenAny(work, Task.Delay(PlainInterval));
            if (!work.IsCompleted)
            {
                await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{name}: {done()} requests, {Stopwatch.GetElapsedTime(start).TotalSeconds:0.0} s, {Fraction():P0}"));
            }
        }
    }
}
