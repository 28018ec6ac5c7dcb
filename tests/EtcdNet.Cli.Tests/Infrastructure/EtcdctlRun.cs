using EtcdNet.Testing;

namespace EtcdNet.Cli.Tests.Infrastructure;

/// <summary>Runs Go's <c>etcdctl</c> (v3 API) to completion and captures its output, for golden comparisons with <see cref="CliRun"/>.</summary>
public static class EtcdctlRun
{
    public static async Task<CliResult> RunAsync(string endpoint, string[] args, string stdin = "", TimeSpan? timeout = null)
    {
        var result = await EtcdctlProcess.RunAsync(endpoint, args, stdin, timeout);
        return new CliResult(result.ExitCode, result.Stdout, result.Stderr);
    }
}
