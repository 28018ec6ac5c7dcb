using EtcdNet.Cli.Check;
using EtcdNet.Cli.Commands;
using EtcdNet.Cli.Errors;
using EtcdNet.Cli.Output;

namespace EtcdNet.Cli.Tests;

public sealed class CheckUnitTests
{
    private static readonly Dictionary<string, long> NoErrors = [];

    private static CheckStats Stats(double rps = 150.2, double slowest = 0.012, double stddev = 0.0004, Dictionary<string, long>? errors = null)
        => new(rps, slowest, stddev, errors ?? NoErrors);

    [Theory]
    [InlineData("s", 150, 50)]
    [InlineData("small", 150, 50)]
    [InlineData("m", 1000, 200)]
    [InlineData("medium", 1000, 200)]
    [InlineData("l", 8000, 500)]
    [InlineData("large", 8000, 500)]
    [InlineData("xl", 15000, 1000)]
    [InlineData("xLarge", 15000, 1000)]
    public void PerfLoad_NamesAndAliases(string name, int limit, int clients)
        => Assert.Equal(new PerfLoad(limit, clients, TimeSpan.FromSeconds(60)), PerfLoad.Parse(name));

    [Theory]
    [InlineData("s", 10_000, 50)]
    [InlineData("small", 10_000, 50)]
    [InlineData("m", 100_000, 200)]
    [InlineData("medium", 100_000, 200)]
    [InlineData("l", 1_000_000, 500)]
    [InlineData("large", 1_000_000, 500)]
    [InlineData("xl", 3_000_000, 1000)]
    [InlineData("xLarge", 3_000_000, 1000)]
    public void DatascaleLoad_NamesAndAliases(string name, int limit, int clients)
        => Assert.Equal(new DatascaleLoad(limit, clients), DatascaleLoad.Parse(name));

    [Theory]
    [InlineData("XL")]
    [InlineData("xlarge")]
    [InlineData("Small")]
    [InlineData("")]
    [InlineData(" s")]
    public void UnknownLoads_AreBadFeature_WithEtcdctlsMessage(string name)
    {
        foreach (var parse in new Action[] { () => PerfLoad.Parse(name), () => DatascaleLoad.Parse(name) })
        {
            var e = Assert.Throws<CliException>(parse);
            Assert.Equal(ExitCodes.BadFeature, e.ExitCode);
            Assert.Equal("unknown load option " + name, e.Message);
        }
    }

    [Fact]
    public void Sizes_AreEtcdctls()
    {
        Assert.Equal(256, PerfLoad.KeySize);
        Assert.Equal(1024, PerfLoad.ValueSize);
        Assert.Equal(512, DatascaleLoad.KeySize);
        Assert.Equal(512, DatascaleLoad.ValueSize);
        Assert.Equal(
            "Start data scale check for work load [10000 key-value pairs, 1024 bytes per key-value, 50 concurrent clients].",
            CheckDatascaleCommand.StartLine(DatascaleLoad.Parse("s")));
    }

    [Fact]
    public void Perf_AllCriteriaMet_Passes()
    {
        var verdict = PerfVerdict.Judge(Stats(), 150);
        Assert.True(verdict.Passed);
        Assert.Equal(
            ["PASS: Throughput is 151 writes/s", "PASS: Slowest request took 0.012000s", "PASS: Stddev is 0.000400s", "PASS"],
            verdict.Lines);
    }

    [Fact]
    public void Perf_Errors_ListedInOrder_AndFail()
    {
        var verdict = PerfVerdict.Judge(Stats(errors: new() { ["etcdserver: too many requests"] = 3, ["context deadline exceeded"] = 1 }), 150);
        Assert.False(verdict.Passed);
        Assert.Equal(
            [
                "FAIL: too many errors",
                "FAIL: ERROR(context deadline exceeded) -> 1",
                "FAIL: ERROR(etcdserver: too many requests) -> 3",
                "PASS: Throughput is 151 writes/s",
                "PASS: Slowest request took 0.012000s",
                "PASS: Stddev is 0.000400s",
                "FAIL",
            ],
            verdict.Lines);
    }

    [Theory]
    [InlineData(135.0, false, "FAIL: Throughput too low: 136 writes/s")] // exactly 90 % is too low
    [InlineData(135.01, true, "PASS: Throughput is 136 writes/s")]
    [InlineData(149.999, true, "PASS: Throughput is 150 writes/s")] // int(RPS)+1
    [InlineData(0.0, false, "FAIL: Throughput too low: 1 writes/s")]
    public void Perf_Throughput_MustExceedNinetyPercentOfTheLimit(double rps, bool passed, string line)
    {
        var verdict = PerfVerdict.Judge(Stats(rps: rps), 150);
        Assert.Equal(passed, verdict.Passed);
        Assert.Equal(line, verdict.Lines[0]);
        Assert.Equal(passed ? "PASS" : "FAIL", verdict.Lines[^1]);
    }

    [Theory]
    [InlineData(0.5, true, "PASS: Slowest request took 0.500000s")]
    [InlineData(0.5000001, false, "Slowest request took too long: 0.500000s")] // etcdctl's words: no "FAIL:"
    [InlineData(2.25, false, "Slowest request took too long: 2.250000s")]
    public void Perf_SlowestRequest_AtMostHalfASecond(double slowest, bool passed, string line)
    {
        var verdict = PerfVerdict.Judge(Stats(slowest: slowest), 150);
        Assert.Equal(passed, verdict.Passed);
        Assert.Equal(line, verdict.Lines[1]);
        Assert.Equal(passed ? "PASS" : "FAIL", verdict.Lines[^1]);
    }

    [Theory]
    [InlineData(0.1, true, "PASS: Stddev is 0.100000s")]
    [InlineData(0.1000005, false, "Stddev too high: 0.100001s")] // no "FAIL:" either
    [InlineData(double.NaN, true, "PASS: Stddev is NaNs")] // no successful request: Go's comparison with NaN is false
    public void Perf_Stddev_AtMostATenthOfASecond(double stddev, bool passed, string line)
    {
        var verdict = PerfVerdict.Judge(Stats(stddev: stddev), 150);
        Assert.Equal(passed, verdict.Passed);
        Assert.Equal(line, verdict.Lines[2]);
    }

    [Fact]
    public void Perf_EveryCriterionFailing_PrintsEachLine()
    {
        var verdict = PerfVerdict.Judge(Stats(rps: 10, slowest: 1, stddev: 0.3, errors: new() { ["boom"] = 7 }), 1000);
        Assert.False(verdict.Passed);
        Assert.Equal(
            [
                "FAIL: too many errors",
                "FAIL: ERROR(boom) -> 7",
                "FAIL: Throughput too low: 11 writes/s",
                "Slowest request took too long: 1.000000s",
                "Stddev too high: 0.300000s",
                "FAIL",
            ],
            verdict.Lines);
    }

    [Theory]
    [InlineData(100_000_000, 152_428_800, "50.00")]
    [InlineData(100_000_000, 100_131_072, "0.12")] // 0.125 MiB: a tie, to even as Go rounds
    [InlineData(100_000_000, 100_393_216, "0.38")] // 0.375 MiB
    [InlineData(100_000_000, 99_868_928, "-0.12")] // shrank
    [InlineData(100_000_000, 99_999_000, "-0.00")]
    public void Datascale_NoErrors_ReportsMemoryUsed(double before, double after, string megabytes)
    {
        var verdict = DatascaleVerdict.Judge(NoErrors, before, after);
        Assert.True(verdict.Passed);
        Assert.Equal([$"PASS: Approximate system memory used : {megabytes} MB."], verdict.Lines);
    }

    [Fact]
    public void Datascale_Errors_Fail_WithoutTheMemoryLine()
    {
        var verdict = DatascaleVerdict.Judge(new Dictionary<string, long> { ["etcdserver: mvcc: database space exceeded"] = 12 }, 1, 2);
        Assert.False(verdict.Passed);
        Assert.Equal(["FAIL: too many errors", "FAIL: ERROR(etcdserver: mvcc: database space exceeded) -> 12"], verdict.Lines);
    }

    [Theory]
    [InlineData(0.125, 2, "0.12")]
    [InlineData(0.375, 2, "0.38")]
    [InlineData(-0.125, 2, "-0.12")]
    [InlineData(-0.001, 2, "-0.00")]
    [InlineData(2.5, 2, "2.50")]
    [InlineData(2.5, 0, "2")]
    [InlineData(3.5, 0, "4")]
    [InlineData(1234.005, 2, "1234.01")] // the double is a little above 1234.005
    [InlineData(0.0000005, 6, "0.000000")] // and this one a little below
    [InlineData(0.0000015, 6, "0.000002")]
    [InlineData(1e21, 2, "1000000000000000000000.00")]
    [InlineData(0.0, 6, "0.000000")]
    [InlineData(double.PositiveInfinity, 6, "+Inf")]
    [InlineData(double.NegativeInfinity, 6, "-Inf")]
    [InlineData(double.NaN, 6, "NaN")]
    [InlineData(5e-324, 6, "0.000000")]
    public void GoFixed_FormatsAsGo(double value, int decimals, string expected)
        => Assert.Equal(expected, GoFixed.Format(value, decimals));

    [Fact]
    public void GoFixed_NegativeZero_KeepsItsSign() => Assert.Equal("-0.000000", GoFixed.F(-0.0));

    [Fact]
    public void ResidentMemory_ReadsTheSample_NotTheHelpLines()
    {
        var metrics = """
            # HELP process_resident_memory_bytes Resident memory size in bytes.
            # TYPE process_resident_memory_bytes gauge
            process_resident_memory_bytes 4.2713088e+07
            # HELP process_start_time_seconds Start time of the process since unix epoch in seconds.
            process_start_time_seconds 1.7e+09
            """;
        Assert.Equal((42_713_088d, (string?)null), ResidentMemory.Parse(metrics));
        Assert.Equal((123d, (string?)null), ResidentMemory.Parse("process_resident_memory_bytes   123  \r\n"));
    }

    [Fact]
    public void ResidentMemory_MissingUnparsableOrZero_IsNotRead()
    {
        Assert.Equal((null, "could not find: process_resident_memory_bytes"), ResidentMemory.Parse("404 page not found\n"));
        Assert.Equal((null, "could not find: process_resident_memory_bytes"), ResidentMemory.Parse("process_resident_memory_bytes\n"));
        Assert.Equal((null, "parse error: strconv.ParseFloat: parsing \"12 MB\": invalid syntax"), ResidentMemory.Parse("process_resident_memory_bytes 12 MB\n"));
        Assert.Equal((null, null), ResidentMemory.Parse("process_resident_memory_bytes 0\n"));
    }
}
