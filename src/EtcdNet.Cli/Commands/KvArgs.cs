using System.CommandLine;
using System.CommandLine.Parsing;
using EtcdNet.Cli.Errors;

namespace EtcdNet.Cli.Commands;

/// <summary>
/// The positional arguments of a key-value command. System.CommandLine hands unknown flags to a
/// list argument; etcdctl (pflag) rejects them, so a word starting with '-' before any "--" is an error.
/// </summary>
internal static class KvArgs
{
    /// <summary>The values of <paramref name="argument"/>.</summary>
    /// <exception cref="CliException">An unknown flag was given (exit 1, with pflag's message).</exception>
    public static string[] Values(ParseResult parse, Argument<string[]> argument)
    {
        var result = parse.GetResult(argument);
        if (result is null)
        {
            return [];
        }

        var consumed = new HashSet<Token>(result.Tokens, ReferenceEqualityComparer.Instance);
        foreach (var token in parse.Tokens)
        {
            if (token.Type == TokenType.DoubleDash)
            {
                break;
            }

            if (consumed.Contains(token) && token.Value.Length > 1 && token.Value[0] == '-')
            {
                throw new CliException(ExitCodes.Error, token.Value.StartsWith("--", StringComparison.Ordinal)
                    ? $"unknown flag: {token.Value.Split('=')[0]}"
                    : $"unknown shorthand flag: '{token.Value[1]}' in {token.Value}");
            }
        }

        return parse.GetValue(argument) ?? [];
    }
}
