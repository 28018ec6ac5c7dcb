using EtcdNet.Cli.Commands;
using EtcdNet.Cli.Output;

namespace EtcdNet.Cli.Tests;

/// <summary>The Go-compatible text pieces of the maintenance printers, without a cluster (expected values produced by the Go libraries etcdctl uses).</summary>
public sealed class MaintenanceTextTests
{
    [Fact]
    public void AsciiTable_RendersAsEtcdctl_RightAlignedCells_CentredHeaders()
    {
        // Captured from etcdctl 3.4 (endpoint health -w table with one unreachable endpoint).
        const string expected =
            "+-----------------+--------+-------------+---------------------------+\n" +
            "|    ENDPOINT     | HEALTH |    TOOK     |           ERROR           |\n" +
            "+-----------------+--------+-------------+---------------------------+\n" +
            "| 127.0.0.1:24791 |   true |  2.548526ms |                           |\n" +
            "|     127.0.0.1:1 |  false | 1.00127582s | context deadline exceeded |\n" +
            "+-----------------+--------+-------------+---------------------------+\n";
        var table = new AsciiTable(["endpoint", "health", "took", "error"])
            .Add(["127.0.0.1:24791", "true", "2.548526ms", string.Empty])
            .Add(["127.0.0.1:1", "false", "1.00127582s", "context deadline exceeded"]);
        Assert.Equal(expected, table.ToString());
    }

    [Fact]
    public void AsciiTable_WrapsCellsWiderThan30Columns_AtSpaces()
    {
        // Rendered by olekukonko/tablewriter itself, quirks included (short continuation cells are two spaces wide).
        var table = new AsciiTable(["a", "error"])
            .Add(["x", "one two three four five six seven eight nine"])
            .Add(["y", "No etcd endpoint is available: cannot connect to http://127.0.0.1:1: Connection refused (127.0.0.1:1)"])
            .ToString();
        Assert.Equal(
            "+---+--------------------------------+\n" +
            "| A |             ERROR              |\n" +
            "+---+--------------------------------+\n" +
            "| x |    one two three four five six |\n" +
            "|    |               seven eight nine |\n" +
            "| y |            No etcd endpoint is |\n" +
            "|    |   available: cannot connect to |\n" +
            "|    | http://127.0.0.1:1: Connection |\n" +
            "|    |          refused (127.0.0.1:1) |\n" +
            "+---+--------------------------------+\n",
            table);
        Assert.Equal(9, AsciiTable.Wrap("The quick brown fox jumps over the lazy dog.", 6).Length);
        Assert.Single(AsciiTable.Wrap("The quick brown fox jumps over the lazy dog.", 500));
        Assert.Single(AsciiTable.Wrap("http://127.0.0.1:2380,http://127.0.0.1:2381,http://127.0.0.1:2382", 30));
    }

    [Theory]
    [InlineData("raft applied index", "RAFT APPLIED INDEX")]
    [InlineData("db_size", "DB SIZE")]
    [InlineData("v1.2", "V1.2")]
    [InlineData("a.b", "A B")]
    public void AsciiTable_Title_AsTablewriter(string header, string title) => Assert.Equal(title, AsciiTable.Title(header));

    [Theory]
    [InlineData(0UL, "0 B")]
    [InlineData(9UL, "9 B")]
    [InlineData(1000UL, "1.0 kB")]
    [InlineData(20480UL, "20 kB")]
    [InlineData(20500UL, "20 kB")]
    [InlineData(21500UL, "22 kB")]
    [InlineData(4_100_000UL, "4.1 MB")]
    [InlineData(2_147_483_648UL, "2.1 GB")]
    [InlineData(999_999UL, "1000 kB")]
    [InlineData(10_500UL, "10 kB")]
    public void EndpointSize_IsGoHumanizeBytes(ulong bytes, string text) => Assert.Equal(text, EndpointSize.Format(bytes));

    [Theory]
    [InlineData(0L, "0s")]
    [InlineData(13_967L, "1.3967ms")]
    [InlineData(8_500L, "850µs")]
    [InlineData(10_000_000L, "1s")]
    [InlineData(615_000_000L, "1m1.5s")]
    [InlineData(37_000_000_000L, "1h1m40s")]
    public void GoDurationText_IsGoDurationString(long ticks, string text) => Assert.Equal(text, GoDurationText.Format(TimeSpan.FromTicks(ticks)));

    [Theory]
    [InlineData("zz", "strconv.ParseInt: parsing \"zz\": invalid syntax")]
    [InlineData("", "strconv.ParseInt: parsing \"\": invalid syntax")]
    [InlineData("8000000000000000", "strconv.ParseInt: parsing \"8000000000000000\": value out of range")]
    [InlineData("0x10", "strconv.ParseInt: parsing \"0x10\": invalid syntax")]
    public void LeaseIds_FailAsGoParseInt(string text, string error)
    {
        Assert.False(LeaseIds.TryParseInt(text, 16, out _, out var message));
        Assert.Equal(error, message);
    }

    [Fact]
    public void LeaseIds_AcceptHexAndSign_AsGo()
    {
        Assert.Equal(0x694d7f5e1d2c3b4aL, LeaseIds.Parse("694D7F5E1D2C3B4A"));
        Assert.True(LeaseIds.TryParseInt("-8000000000000000", 16, out var min, out _));
        Assert.Equal(long.MinValue, min);
        Assert.Equal(ulong.MaxValue, MemberIds.Parse("ffffffffffffffff"));
    }
}
