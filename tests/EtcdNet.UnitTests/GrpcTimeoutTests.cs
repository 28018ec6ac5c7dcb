using EtcdNet.Transport;

namespace EtcdNet.UnitTests;

public class GrpcTimeoutTests
{
    [Theory]
    [InlineData(1L, "100n")]                                 // 1 tick = 100 ns
    [InlineData(3L, "300n")]
    [InlineData(500_000L, "50000000n")]                      // 50 ms
    [InlineData(999_999L, "99999900n")]                      // largest tick count that fits in ns
    [InlineData(1_000_000L, "100000u")]                      // 100 ms: 100,000,000 ns has 9 digits
    [InlineData(1_000_001L, "100001u")]                      // rounds 100.0001 ms up to the next µs
    [InlineData(10_000_000L, "1000000u")]                    // 1 s
    [InlineData(300_000_000L, "30000000u")]                  // 30 s
    [InlineData(999_999_990L, "99999999u")]                  // largest µs value
    [InlineData(999_999_991L, "100000m")]                    // one tick more rounds up to the next ms
    [InlineData(864_000_000_000L, "86400000m")]              // 1 day
    [InlineData(999_999_990_000L, "99999999m")]              // largest ms value
    [InlineData(999_999_990_001L, "100000S")]
    [InlineData(8_640_000_000_000L, "864000S")]              // 10 days
    [InlineData(86_400_000_000_000L, "8640000S")]            // 100 days
    [InlineData(999_999_990_000_001L, "1666667M")]           // 99,999,999 s + 1 tick, in minutes, rounded up
    [InlineData(8_640_000_000_000_000L, "14400000M")]        // 10,000 days
    [InlineData(59_999_999_400_000_000L, "99999999M")]       // exactly 99,999,999 minutes
    [InlineData(59_999_999_400_000_001L, "1666667H")]        // one tick more: hours, rounded up
    public void Encode_picks_the_finest_unit_with_at_most_eight_digits_and_rounds_up(long ticks, string expected)
    {
        Assert.Equal(expected, GrpcTimeout.Encode(TimeSpan.FromTicks(ticks)));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(-10_000L)]
    public void Encode_of_zero_or_negative_sends_the_smallest_positive_timeout(long ticks)
    {
        Assert.Equal("100n", GrpcTimeout.Encode(TimeSpan.FromTicks(ticks)));
    }

    [Fact]
    public void Encode_of_200000_days_uses_hours()
    {
        // 200,000 days = 4,800,000 hours. In nanoseconds this is 1.728e19, beyond long.MaxValue:
        // the encoder must not overflow into a negative nanosecond value.
        Assert.Equal("4800000H", GrpcTimeout.Encode(TimeSpan.FromDays(200_000)));
    }

    [Fact]
    public void Encode_of_TimeSpan_MaxValue_is_clamped_to_the_largest_header_value()
    {
        Assert.Equal("99999999H", GrpcTimeout.Encode(TimeSpan.MaxValue));
    }

    [Fact]
    public void Encode_never_produces_more_than_eight_digits_or_a_shorter_timeout()
    {
        var samples = new List<long>();
        for (long t = 1; t < TimeSpan.MaxValue.Ticks / 7; t = (t * 7) + 3)
        {
            samples.Add(t);
            samples.Add(t + 1);
            samples.Add(t - 1);
        }

        var problems = new List<string>();
        foreach (var ticks in samples.Where(t => t > 0))
        {
            var timeout = TimeSpan.FromTicks(ticks);
            var encoded = GrpcTimeout.Encode(timeout);
            var parsed = GrpcTimeout.TryParse(encoded);
            if (encoded.Length is < 2 or > 9 || !encoded[..^1].All(char.IsAsciiDigit) || parsed is null)
            {
                problems.Add($"{ticks} ticks -> '{encoded}' is not 1-8 digits + unit");
            }
            else if (parsed.Value < timeout)
            {
                problems.Add($"{ticks} ticks -> '{encoded}' = {parsed.Value.Ticks} ticks, shorter");
            }
        }

        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("1H", 36_000_000_000L)]
    [InlineData("2M", 1_200_000_000L)]
    [InlineData("30S", 300_000_000L)]
    [InlineData("250m", 2_500_000L)]
    [InlineData("1500u", 15_000L)]
    [InlineData("100n", 1L)]
    [InlineData("12300n", 123L)]
    [InlineData("00000001S", 10_000_000L)]
    [InlineData("99999999H", 99_999_999L * 36_000_000_000L)]
    [InlineData("0m", 0L)]
    public void TryParse_reads_every_unit(string value, long expectedTicks)
    {
        Assert.Equal(TimeSpan.FromTicks(expectedTicks), GrpcTimeout.TryParse(value));
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(500_000L)]
    [InlineData(10_000_000L)]
    [InlineData(300_000_000L)]
    [InlineData(864_000_000_000L)]
    [InlineData(8_640_000_000_000L)]
    [InlineData(86_400_000_000_000L)]
    [InlineData(8_640_000_000_000_000L)]
    [InlineData(59_999_999_400_000_000L + 36_000_000_000L - 1)]
    public void TryParse_round_trips_Encode_for_exactly_representable_values(long ticks)
    {
        var timeout = TimeSpan.FromTicks(ticks);
        var encoded = GrpcTimeout.Encode(timeout);
        var parsed = GrpcTimeout.TryParse(encoded);
        Assert.NotNull(parsed);
        Assert.True(parsed.Value >= timeout);
        Assert.Equal(encoded, GrpcTimeout.Encode(parsed.Value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("m")]
    [InlineData("123456789m")]
    [InlineData("5x")]
    [InlineData("5s")]
    [InlineData("5h")]
    [InlineData("-5m")]
    [InlineData("+5m")]
    [InlineData(" 5m")]
    [InlineData("5 m")]
    [InlineData("1.5S")]
    [InlineData("1e3m")]
    [InlineData("ffm")]
    public void TryParse_rejects_invalid_values(string? value)
    {
        Assert.Null(GrpcTimeout.TryParse(value));
    }

    [Fact]
    public void Header_name_is_grpc_timeout()
    {
        Assert.Equal("grpc-timeout", GrpcTimeout.Header);
    }
}
