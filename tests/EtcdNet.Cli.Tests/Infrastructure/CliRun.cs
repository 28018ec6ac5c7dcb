using EtcdNet.Cli;
using EtcdNet.Cli.Output;

namespace EtcdNet.Cli.Tests.Infrastructure;

/// <summary>The outcome of one command: exit code and everything it wrote.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}--- stderr ---\n{Stderr}";
}

/// <summary>Runs <c>etcdnet</c> in-process with captured output, as a script would see it (not a terminal).</summary>
public static class CliRun
{
    /// <summary>Runs <paramref name="args"/>; <paramref name="environment"/> replaces the process environment (ETCDCTL_* etc.).</summary>
    public static async Task<CliResult> RunAsync(string[] args, string stdin = "", IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancellationToken = default)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        using var input = new StringReader(stdin);
        var console = new CliConsole(stdout, stderr, input, IsTerminal: false);
        var code = await CliApp.RunAsync(args, console, name => environment is not null && environment.TryGetValue(name, out var v) ? v : null, cancellationToken);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs a command against <paramref name="endpoint"/> (adds --endpoints).</summary>
    public static Task<CliResult> RunAsync(string endpoint, params string[] args)
        => RunAsync(["--endpoints=" + endpoint, .. args]);
}
