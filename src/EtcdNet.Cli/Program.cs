using EtcdNet.Cli;
using EtcdNet.Cli.Output;

using var interrupted = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    interrupted.Cancel();
};

return await CliApp.RunAsync(args, CliConsole.System with { OpenBinaryOut = Console.OpenStandardOutput }, null, interrupted.Token);
