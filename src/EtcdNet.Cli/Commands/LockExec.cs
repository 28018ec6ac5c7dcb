using System.ComponentModel;
using System.Diagnostics;
using EtcdNet.Cli.Errors;
using EtcdNet.Cli.Output;

namespace EtcdNet.Cli.Commands;

/// <summary>Runs the command given to <c>lock</c>, its output copied to the console, with no standard input.</summary>
internal static class LockExec
{
    /// <summary>Runs <paramref name="command"/>; on <paramref name="interrupted"/> the command gets SIGTERM and is waited for.</summary>
    public static async Task<int> RunAsync(CliConsole console, string[] command, IReadOnlyDictionary<string, string> environment, CancellationToken interrupted)
    {
        var info = new ProcessStartInfo(command[0])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in command[1..])
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new CliException($"exec: \"{command[0]}\": could not start");
        }
        catch (Win32Exception e) when (e.NativeErrorCode == 2) // ENOENT
        {
            throw new CliException($"exec: \"{command[0]}\": executable file not found in $PATH");
        }
        catch (Win32Exception e)
        {
            throw new CliException($"exec: \"{command[0]}\": {e.Message}");
        }

        using (process)
        {
            process.StandardInput.Close();
            var output = CopyAsync(process.StandardOutput, console.Out);
            var error = CopyAsync(process.StandardError, console.Error);
            // The lock is released only after the command ended, so an interruption is passed on, not acted upon.
            using (interrupted.Register(() => ChildSignals.Terminate(process.Id)))
            {
                await process.WaitForExitAsync(CancellationToken.None);
            }

            await Task.WhenAll(output, error);
            return process.ExitCode;
        }
    }

    private static async Task CopyAsync(StreamReader from, TextWriter to)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await from.ReadAsync(buffer, CancellationToken.None)) > 0)
        {
            await to.WriteAsync(buffer.AsMemory(0, read), CancellationToken.None);
            await to.FlushAsync(CancellationToken.None);
        }
    }
}
