using EtcdNet.Resilience;

namespace EtcdNet.UnitTests.Resilience;

/// <summary>docs/resilience.md states the table the code applies. Set ETCDNET_UPDATE_DOCS=1 to rewrite it from the code.</summary>
public class FailureTableDocTests
{
    private const string Start = "<!-- failure-table:start -->\n";
    private const string End = "<!-- failure-table:end -->";

    [Fact]
    public void The_documented_table_is_the_one_the_code_applies()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "resilience.md");
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        var from = text.IndexOf(Start, StringComparison.Ordinal) + Start.Length;
        var to = text.IndexOf(End, StringComparison.Ordinal);
        Assert.True(from >= Start.Length && to >= from, "docs/resilience.md has no failure-table markers");
        var expected = FailureTable.ToMarkdown();

        if (Environment.GetEnvironmentVariable("ETCDNET_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, text[..from] + expected + text[to..]);
            return;
        }

        Assert.Equal(expected, text[from..to]);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EtcdNet.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("the repository root (EtcdNet.slnx) was not found above " + AppContext.BaseDirectory);
    }
}
