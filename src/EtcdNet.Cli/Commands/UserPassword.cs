using System.Text;
using EtcdNet.Cli.Errors;

namespace EtcdNet.Cli.Commands;

/// <summary>How user add and user passwd read a password that is not on the command line.</summary>
internal static class UserPassword
{
    /// <summary>
    /// With --interactive=false: the first word of standard input (etcdctl scans one %s). Reads line by line, so a
    /// password typed on a terminal is taken when Enter is pressed, without waiting for the end of input.
    /// </summary>
    public static async Task<string> ReadWordAsync(CommandContext context)
    {
        while (await context.Console.In.ReadLineAsync(context.CancellationToken) is { } line)
        {
            var words = line.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length > 0)
            {
                return words[0];
            }
        }

        return string.Empty;
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
            password = Ask(context, $"Password of {user}: ");
            ThrowIfEmpty(password);
            if (Ask(context, $"Type password of {user} again for confirmation: ") != password)
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

    private static string Ask(CommandContext context, string prompt)
    {
        context.Console.Out.Write(prompt);
        context.Console.Out.Flush();
        var builder = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (builder.Length > 0)
                {
                    builder.Length--;
                }

                continue;
            }

            if (!char.IsControl(key.KeyChar))
            {
                builder.Append(key.KeyChar);
            }
        }

        context.Console.Out.WriteLine();
        return builder.ToString();
    }
}
