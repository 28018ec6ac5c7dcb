using System.Diagnostics;
using System.Globalization;
using EtcdNet.Cli.Errors;
using EtcdNet.Cli.Output;

namespace EtcdNet.Cli.Commands;

/// <summary>Runs the command given after "--" for one watch event, with etcdctl's ETCD_WATCH_* variables.</summary>
internal static class KvWatchExec
{
    public static async Task RunAsync(CliConsole console, IReadOnlyList<string> command, WatchResponse response, WatchEvent e, object outputLock, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in command.Skip(1))
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["ETCD_WATCH_REVISION"] = response.Header.Revision.ToString(CultureInfo.InvariantCulture);
        info.Environment["ETCD_WATCH_EVENT_TYPE"] = GoQuote.Quote(WatchPrinter.TypeName(e.Type));
        info.Environment["ETCD_WATCH_KEY"] = GoQuote.Quote(e.Kv.Key.Span);
        info.Environment["ETCD_WATCH_VALUE"] = GoQuote.Quote(e.Kv.Value.Span);

        var quoted = "[" + string.Join(' ', command.Select(GoQuote.Quote)) + "]";
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException("the process did not start");
        }
        catch (Exception error) when (error is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new CliException(ExitCodes.Error, $"command {quoted} error (exec: {GoQuote.Quote(command[0])}: {error.Message})");
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            var outText = await stdout;
            var errText = await stderr;
            lock (outputLock)
            {
                console.Out.Write(outText);
                console.Out.Flush();
                console.Error.Write(errText);
            }

            if (process.ExitCode != 0)
            {
                throw new CliException(ExitCodes.Error, $"command {quoted} error (exit status {process.ExitCode})");
            }
        }
    }
}
