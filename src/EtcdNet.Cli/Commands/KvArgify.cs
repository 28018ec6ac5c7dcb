using System.Text;
using System.Text.RegularExpressions;
using EtcdNet.Cli.Errors;

namespace EtcdNet.Cli.Commands;

/// <summary>Splits a line of txn or interactive watch input into arguments as etcdctl does: "Go-quoted", 'single-quoted' or bare words.</summary>
internal static partial class KvArgify
{
    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|[^'\"\\t\\n\\f\\r ][^\\t\\n\\f\\r ]*[^'\"\\t\\n\\f\\r ]?")]
    private static partial Regex Word();

    /// <exception cref="CliException">A double-quoted word is not a valid Go string (exit 3).</exception>
    public static string[] Split(string line)
    {
        var words = new List<string>();
        foreach (Match match in Word().Matches(line))
        {
            var word = match.Value;
            if (word.Length >= 2 && word[0] == '\'')
            {
                word = word[1..^1];
            }
            else if (word.Length > 0 && word[0] == '"')
            {
                if (!KvGoString.TryUnquote(word, out var bytes))
                {
                    throw CliException.InvalidInput("invalid syntax");
                }

                word = Encoding.UTF8.GetString(bytes);
            }

            words.Add(word);
        }

        return [.. words];
    }
}
