using System.CommandLine;
using EtcdNet.Cli.Errors;
using EtcdNet.Cli.Output;

namespace EtcdNet.Cli.Commands;

/// <summary>Binds command bodies to System.CommandLine: context creation, error reporting, exit codes.</summary>
internal sealed class CommandActions(CliConsole console, Func<string, string?> environment)
{
    public CliConsole Console => console;

    /// <summary>Sets <paramref name="body"/> as the action of <paramref name="command"/>; it returns the exit code.</summary>
    public void Set(Command command, Func<CommandContext, Task<int>> body)
    {
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var context = new CommandContext(parse, console, environment, cancellationToken);
            try
            {
                return await body(context);
            }
            catch (Exception e)
            {
                await console.Out.FlushAsync(CancellationToken.None);
                return ErrorReporter.Report(CommandTimeouts.AsTimeout(e, cancellationToken), console.Error);
            }
        });
    }

    /// <summary>Sets an action that returns <see cref="ExitCodes.Success"/> unless it throws.</summary>
    public void Set(Command command, Func<CommandContext, Task> body)
        => Set(command, async context =>
        {
            await body(context);
            return ExitCodes.Success;
        });
}
