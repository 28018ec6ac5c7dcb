using System.Globalization;

namespace EtcdNet.Cli.Check;

/// <summary>The lines a check prints when requests failed: "FAIL: too many errors", then one "FAIL: ERROR(message) -> count" per message.</summary>
internal static class CheckErrorLines
{
    /// <summary>The lines for <paramref name="errors"/> (messages in ordinal order); none when it is empty.</summary>
    public static IReadOnlyList<string> For(IReadOnlyDictionary<string, long> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            return [];
        }

        var lines = new List<string>(errors.Count + 1) { "FAIL: too many errors" };
        foreach (var (message, count) in errors.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"FAIL: ERROR({message}) -> {count}"));
        }

        return lines;
    }
}
