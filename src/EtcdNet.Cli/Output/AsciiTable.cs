using System.Text;

namespace EtcdNet.Cli.Output;

/// <summary>
/// The ASCII table etcdctl prints for --write-out=table (olekukonko/tablewriter with its defaults and right-aligned
/// cells): +---+ borders, centred upper-case headers, cells wider than 30 columns wrapped at spaces.
/// </summary>
internal sealed class AsciiTable
{
    private const int MaxCellWidth = 30;
    private readonly List<string[]> _headers = [];
    private readonly List<List<string[]>> _rows = [];
    private readonly Dictionary<int, int> _widths = [];
    private int _headerHeight;

    public AsciiTable(IReadOnlyList<string> headers)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            var lines = Measure(headers[i], i);
            _headers.Add(lines);
            _headerHeight = Math.Max(_headerHeight, lines.Length);
        }
    }

    /// <summary>Adds one row, a cell per column.</summary>
    public AsciiTable Add(IReadOnlyList<string> cells)
    {
        var row = new List<string[]>(cells.Count);
        for (var i = 0; i < cells.Count; i++)
        {
            row.Add(Measure(cells[i], i));
        }

        _rows.Add(row);
        return this;
    }

    /// <summary>The table text, each line ending in "\n".</summary>
    public override string ToString()
    {
        var output = new StringBuilder();
        Line(output);
        for (var line = 0; line < _headerHeight; line++)
        {
            output.Append('|');
            for (var column = 0; column < _widths.Count; column++)
            {
                var text = column < _headers.Count && line < _headers[column].Length ? _headers[column][line] : string.Empty;
                output.Append(' ').Append(Center(Title(text), _widths[column])).Append(" |");
            }

            output.Append('\n');
        }

        Line(output);
        foreach (var row in _rows)
        {
            var height = row.Count == 0 ? 1 : row.Max(cell => cell.Length);
            for (var line = 0; line < height; line++)
            {
                for (var column = 0; column < row.Count; column++)
                {
                    var text = line < row[column].Length ? row[column][line] : "  ";
                    output.Append("| ").Append(text.PadLeft(_widths[column])).Append(' ');
                }

                output.Append("|\n");
            }
        }

        Line(output);
        return output.ToString();
    }

    /// <summary>tablewriter's header text: '_' (and '.' not inside a number) as spaces, trimmed, upper case.</summary>
    internal static string Title(string name)
    {
        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] == '_')
            {
                chars[i] = ' ';
            }
            else if (chars[i] == '.' && ((i != 0 && !IsNumberOrSpace(chars[i - 1])) || (i != chars.Length - 1 && !IsNumberOrSpace(chars[i + 1]))))
            {
                chars[i] = ' ';
            }
        }

        var title = new string(chars).Trim();
        if (title.Length == 0 && name.Length > 0)
        {
            title = " ";
        }

        return title.ToUpperInvariant();
    }

    /// <summary>tablewriter's word wrap: the fewest squared leftover columns per line, for lines of at most <paramref name="limit"/>.</summary>
    internal static string[] Wrap(string text, int limit)
    {
        var words = text.Replace('\n', ' ').Split(' ');
        foreach (var word in words)
        {
            limit = Math.Max(limit, word.Length);
        }

        var n = words.Length;
        var length = new int[n, n];
        for (var i = 0; i < n; i++)
        {
            length[i, i] = words[i].Length;
            for (var j = i + 1; j < n; j++)
            {
                length[i, j] = length[i, j - 1] + 1 + words[j].Length;
            }
        }

        const int penalty = 100_000;
        var breaks = new int[n];
        var cost = Enumerable.Repeat((long)int.MaxValue, n).ToArray();
        for (var i = n - 1; i >= 0; i--)
        {
            if (length[i, n - 1] <= limit)
            {
                cost[i] = 0;
                breaks[i] = n;
                continue;
            }

            for (var j = i + 1; j < n; j++)
            {
                var leftover = limit - length[i, j - 1];
                var c = ((long)leftover * leftover) + cost[j];
                if (length[i, j - 1] > limit)
                {
                    c += penalty;
                }

                if (c < cost[i])
                {
                    cost[i] = c;
                    breaks[i] = j;
                }
            }
        }

        var lines = new List<string>();
        for (var i = 0; i < n; i = breaks[i])
        {
            lines.Add(string.Join(' ', words[i..breaks[i]]));
        }

        return [.. lines];
    }

    private static bool IsNumberOrSpace(char c) => c is (>= '0' and <= '9') or ' ';

    private static string Center(string text, int width)
    {
        var gap = width - text.Length;
        if (gap <= 0)
        {
            return text;
        }

        var left = gap / 2;
        return new string(' ', left) + text + new string(' ', gap - left);
    }

    // Splits a cell into its display lines and widens its column to fit them.
    private string[] Measure(string text, int column)
    {
        var raw = text.Split('\n');
        var width = Math.Min(raw.Max(line => line.Length), MaxCellWidth);
        var lines = Wrap(string.Join(' ', raw), width);
        width = Math.Max(width, lines.Max(line => line.Length));
        if (!_widths.TryGetValue(column, out var current) || current < width || current == 0)
        {
            _widths[column] = width;
        }

        return lines;
    }

    private void Line(StringBuilder output)
    {
        output.Append('+');
        for (var column = 0; column < _widths.Count; column++)
        {
            output.Append('-', _widths[column] + 2).Append('+');
        }

        output.Append('\n');
    }
}
