using EtcdNet.Cli.Errors;

namespace EtcdNet.Cli.Commands;

/// <summary>How user add and user passwd read a password that is not on the command line.</summary>
internal static class UserPassword
{
    /// <summary>
    /// With --interactive=false: the first word of the first line of standard input (etcdctl scans one %s; an empty
    /// line gives an empty password). Taken when Enter is pressed on a terminal, without waiting for the end of input.
    /// </summary>
    public static async Task<string> ReadWordAsync(CommandContext context)
    {
        var line = await context.Console.In.ReadLineAsync(context.CancellationToken) ?? string.Empty;
        var words = line.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 ? words[0] : string.Empty;
    }

    /// <summary>
    /// Interactive: on a terminal, asks twice without echo and requires both answers to match; otherwise reads one
    /// line of standard input. An empty password is refused (exit 128).
    /// </summary>
    public static async Task<string> ReadInteractiveAsync(CommandContext context, string user)
    {
        string password;
        if (context.Console.IsTerminal && !Console.IsInputRedirected)
        {
            password = await AskAsync(context, $"Password of {user}: ");
            ThrowIfEmpty(password);
            if (await AskAsync(context, $"Type password of {user} again for confirmation: ") != password)
            {
                throw CliException.BadArgs("given passwords are different");
            }
        }
        else
        {
            password = (await context.Console.In.ReadLineAsync(context.CancellationToken) ?? string.Empty).TrimEnd('\r');
            ThrowIfEmpty(password);
        }

        return password;
    }

    private static void ThrowIfEmpty(string password)
    {
        if (password.Length == 0)
        {
            throw CliException.BadArgs("empty password");
        }
    }

    /// <summary>Prompts on standard output and reads one line with the terminal's echo off.</summary>
    private static async Task<string> AskAsync(CommandContext context, string prompt)
    {
        await context.Console.Out.WriteAsync(prompt);
        await context.Console.Out.FlushAsync(context.CancellationToken);
        string line;
        using (Output.TerminalEcho.Off(0))
        {
            line = await context.Console.In.ReadLineAsync(context.CancellationToken) ?? string.Empty;
        }

        await context.Console.Out.WriteLineAsync();
        return line.TrimEnd('\r');
    }
}
