using System.CommandLine;
using EtcdNet.Cli.Commands;
using EtcdNet.Cli.Errors;
using EtcdNet.Cli.Global;
using EtcdNet.Cli.Output;

namespace EtcdNet.Cli;

/// <summary>The <c>etcdnet</c> command tree and its entry point, usable in-process (tests pass their own console).</summary>
internal static class CliApp
{
    /// <summary>Builds the command tree for <paramref name="console"/>.</summary>
    public static RootCommand Build(CliConsole console, Func<string, string?> environment)
    {
        var root = new RootCommand("etcdnet: a command line client for etcd v3 (etcdctl-compatible), a load tool and a local dev cluster.");
        foreach (var option in GlobalOptions.All)
        {
            root.Options.Add(option);
        }

        var actions = new CommandActions(console, environment);
        foreach (var register in CommandGroups.All)
        {
            register(root, actions);
        }

        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code. Never throws for bad input.</summary>
    public static async Task<int> RunAsync(string[] args, CliConsole console, Func<string, string?>? environment = null, CancellationToken cancellationToken = default)
    {
        environment ??= System.Environment.GetEnvironmentVariable;
        var root = Build(console, environment);
        var parse = root.Parse(CommandPrefixes.Expand(root, args));
        if (parse.Errors.Count > 0)
        {
            // An unknown token explains more than the "required command" error it usually causes.
            var error = parse.Errors.FirstOrDefault(e => e.Message.Contains("Unrecognized", StringComparison.OrdinalIgnoreCase)) ?? parse.Errors[0];
            console.Error.WriteLine("Error: " + error.Message);
            return ExitCodes.Error;
        }

        // No forced exit after Ctrl+C/SIGTERM: commands finish their cleanup (unlock, resign, revoke, stop a dev host)
        // once their token is cancelled; Program.cs turns Ctrl+C into that cancellation.
        var configuration = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        try
        {
            return await parse.InvokeAsync(configuration, cancellationToken);
        }
        catch (Exception e)
        {
            return ErrorReporter.Report(e, console.Error);
        }
    }
}
