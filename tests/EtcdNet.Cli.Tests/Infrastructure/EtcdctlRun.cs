using System.Diagnostics;

namespace EtcdNet.Cli.Tests.Infrastructure;

/// <summary>Runs Go's <c>etcdctl</c> (v3 API) to completion and captures its output, for golden comparisons.</summary>
public static class EtcdctlRun
{
    public static async Task<CliResult> RunAsync(string endpoint, string[] args, string stdin = "", TimeSpan? timeout = null)
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

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"etcdctl {string.Join(' ', args)} did not finish");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
