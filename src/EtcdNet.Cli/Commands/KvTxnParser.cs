using System.CommandLine;
using System.Globalization;
using System.Text;
using EtcdNet.Cli.Errors;
using EtcdNet.Cli.Output;

namespace EtcdNet.Cli.Commands;

/// <summary>
/// etcdctl's transaction input: compares such as <c>mod("key") &gt; "0"</c>, then a blank line, success
/// requests (<c>put</c>, <c>get</c>, <c>del</c> with their flags), a blank line, failure requests and a
/// blank line. Every line must end with a newline. Malformed input fails with exit 3.
/// </summary>
internal static class KvTxnParser
{
    /// <summary>Reads compare lines up to a blank line.</summary>
    public static IReadOnlyList<Compare> ReadCompares(TextReader reader)
    {
        var compares = new List<Compare>();
        while (ReadSectionLine(reader) is { } line)
        {
            compares.Add(ParseCompare(line));
        }

        return compares;
    }

    /// <summary>Reads request lines up to a blank line.</summary>
    public static async Task<IReadOnlyList<Op>> ReadOpsAsync(TextReader reader)
    {
        var ops = new List<Op>();
        while (ReadSectionLine(reader) is { } line)
        {
            ops.Add(await ParseRequestAsync(line));
        }

        return ops;
    }

    /// <summary>One compare, as etcdctl reads it: target("key") op "operand".</summary>
    public static Compare ParseCompare(string line)
    {
        var paren = line.IndexOf('(', StringComparison.Ordinal);
        if (paren < 0)
        {
            throw CliException.InvalidInput("malformed comparison: " + line);
        }

        var target = line[..paren];
        var (count, key, op, operand) = ScanCompare(line[(paren + 1)..]);
        if (count != 3)
        {
            throw CliException.InvalidInput($"malformed comparison: {line}; got {target}({GoQuote.Quote(key)}) {op} {GoQuote.Quote(operand)}");
        }

        var result = op switch
        {
            "=" => CompareOp.Equal,
            "!=" => CompareOp.NotEqual,
            ">" => CompareOp.Greater,
            "<" => CompareOp.Less,
            _ => throw CliException.InvalidInput($"malformed comparison: {line} (unknown operator {op})"),
        };
        var invalid = CliException.InvalidInput("invalid txn compare request: " + line);
        long Number() => long.TryParse(Encoding.UTF8.GetString(operand), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : throw invalid;

        return target switch
        {
            "ver" or "version" => Compare.Version(key, result, Number()),
            "c" or "create" => Compare.CreateRevision(key, result, Number()),
            "m" or "mod" => Compare.ModRevision(key, result, Number()),
            "val" or "value" => Compare.Value(key, result, operand),
            "lease" => Compare.Lease(key, result, long.TryParse(Encoding.UTF8.GetString(operand), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var id) ? id : throw invalid),
            _ => throw CliException.InvalidInput($"malformed comparison: {line} (unknown target {target})"),
        };
    }

    /// <summary>One request line: a put, get or del command line with that command's flags.</summary>
    public static async Task<Op> ParseRequestAsync(string line)
    {
        var args = KvArgify.Split(line);
        if (args.Length < 2)
        {
            throw CliException.InvalidInput("invalid txn compare request: " + line);
        }

        var get = new KvGetCommand();
        var put = new KvPutCommand();
        var del = new KvDelCommand();
        var root = new RootCommand { get.Command, put.Command, del.Command };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 || parse.Action is not null || parse.CommandResult.Command == root)
        {
            throw CliException.InvalidInput("invalid txn request: " + line);
        }

        try
        {
            return await ResolveAsync(parse, get, put, del);
        }
        catch (CliException e) when (e.ExitCode == ExitCodes.Error)
        {
            // An unknown flag: etcdctl rejects the line as a whole.
            throw CliException.InvalidInput("invalid txn request: " + line);
        }
    }

    private static async Task<Op> ResolveAsync(ParseResult parse, KvGetCommand get, KvPutCommand put, KvDelCommand del)
    {
        if (parse.CommandResult.Command == get.Command)
        {
            var (key, options) = get.Resolve(parse);
            return Op.Get(key, options);
        }

        if (parse.CommandResult.Command == put.Command)
        {
            var (key, value, options) = await put.ResolveAsync(parse, stdin: null);
            return Op.Put(key, value, options);
        }

        var (delKey, delOptions) = del.Resolve(parse);
        return Op.Delete(delKey, delOptions);
    }

    /// <summary>A line of the current section, trimmed; null at the blank line that ends it. Input ending without a newline fails with "EOF".</summary>
    private static string? ReadSectionLine(TextReader reader)
    {
        var builder = new StringBuilder();
        while (true)
        {
            var c = reader.Read();
            if (c < 0)
            {
                throw CliException.InvalidInput("EOF");
            }

            if (c == '\n')
            {
                break;
            }

            builder.Append((char)c);
        }

        var line = builder.ToString().Trim();
        return line.Length == 0 ? null : line;
    }

    // fmt.Sscanf(rest, "%q) %s %q", ...): how many verbs matched, and their values.
    private static (int Count, byte[] Key, string Op, byte[] Operand) ScanCompare(string text)
    {
        var position = 0;
        if (!KvGoString.TryRead(text, ref position, out var key))
        {
            return (0, [], string.Empty, []);
        }

        if (position >= text.Length || text[position] != ')' || !SkipSpaces(text, ref position, from: position + 1))
        {
            return (1, key, string.Empty, []);
        }

        var start = position;
        while (position < text.Length && !KvGoString.IsSpace(text[position]))
        {
            position++;
        }

        var op = text[start..position];
        if (op.Length == 0 || !SkipSpaces(text, ref position, from: position))
        {
            return (op.Length == 0 ? 1 : 2, key, op, []);
        }

        return KvGoString.TryRead(text, ref position, out var operand) ? (3, key, op, operand) : (2, key, op, []);
    }

    // A space in a scan format matches one or more spaces, or the end of the input.
    private static bool SkipSpaces(string text, ref int position, int from)
    {
        position = from;
        if (position >= text.Length)
        {
            return true;
        }

        if (!KvGoString.IsSpace(text[position]))
        {
            return false;
        }

        while (position < text.Length && KvGoString.IsSpace(text[position]))
        {
            position++;
        }

        return true;
    }
}
