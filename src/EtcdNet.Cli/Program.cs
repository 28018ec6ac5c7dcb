using System.Runtime.InteropServices;
using EtcdNet.Cli;
using EtcdNet.Cli.Output;

using var interrupted = new CancellationTokenSource();

// A signal registration rather than Console.CancelKeyPress: the latter initializes .NET's terminal handling, which
// writes the terminal's keypad-mode sequence in front of the output whenever it is a terminal.
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal =>
{
    signal.Cancel = true;
    interrupted.Cancel();
});

return await CliApp.RunAsync(args, CliConsole.System, null, interrupted.Token);
