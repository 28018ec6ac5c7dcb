using System.CommandLine;

namespace EtcdNet.Cli.Global;

/// <summary>
/// Command names may be shortened to any prefix that names one command only, as etcdctl allows
/// (<c>compact</c> for <c>compaction</c>, <c>role grant</c> for <c>role grant-permission</c>).
/// </summary>
internal static class CommandPrefixes
{
    /// <summary>
    /// <paramref name="args"/> with each shortened command name replaced by the full one; everything else (options,
    /// their values, arguments, an ambiguous or unknown name) is left as it is for the parser to judge.
    /// </summary>
    public static string[] Expand(Command root, string[] args)
    {
        var expanded = (string[])args.Clone();
        var command = root;
        for (var i = 0; i < expanded.Length; i++)
        {
            var token = expanded[i];
            if (token == "--")
            {
                break;
            }

            if (token.StartsWith('-'))
            {
                // An option's value is the next token unless it came with '=' or the option takes none.
                if (!token.Contains('=', StringComparison.Ordinal) && FindOption(command, token) is { } option && option.Arity.MaximumNumberOfValues > 0 && option.ValueType != typeof(bool))
                {
                    i++;
                }

                continue;
            }

            var next = Subcommand(command, token);
            if (next is null)
            {
                // The first argument: no command names follow it.
                break;
            }

            expanded[i] = next.Name;
            command = next;
        }

        return expanded;
    }

    private static Command? Subcommand(Command command, string token)
    {
        var exact = command.Subcommands.FirstOrDefault(c => c.Name == token || c.Aliases.Contains(token));
        if (exact is not null)
        {
            return exact;
        }

        var matches = command.Subcommands.Where(c => c.Name.StartsWith(token, StringComparison.Ordinal)).Take(2).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    private static Option? FindOption(Command command, string token)
    {
        foreach (var option in command.Options.Concat(GlobalOptions.All))
        {
            if (option.Name == token || option.Aliases.Contains(token))
            {
                return option;
            }
        }

        return null;
    }
}
