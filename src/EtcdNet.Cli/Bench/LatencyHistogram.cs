using System.Numerics;

namespace EtcdNet.Cli.Bench;

/// <summary>
/// A log-linear latency histogram in nanoseconds: exact below 256 ns, then 128 sub-buckets per power of two
/// (under 0.8 % relative error). Recording is a few arithmetic operations and one array increment, never an
/// allocation. Not thread-safe: give each worker its own and <see cref="Add"/> them at the end.
/// </summary>
internal sealed class LatencyHistogram
{
    private const int SubBucketBits = 7;
    private const int SubBuckets = 1 << SubBucketBits;
    private const int LinearLimit = SubBuckets * 2;
    private const int BucketCount = (64 - SubBucketBits) * SubBuckets + LinearLimit;

    private readonly long[] _counts = new long[BucketCount];

    /// <summary>Values recorded.</summary>
    public long Count { get; private set; }

    /// <summary>Smallest value (ns); 0 when empty.</summary>
    public long Min { get; private set; } = long.MaxValue;

    /// <summary>Largest value (ns).</summary>
    public long Max { get; private set; }

    /// <summary>Sum of the values (ns).</summary>
    public double Sum { get; private set; }

    /// <summary>Sum of the squared values (ns²), for the standard deviation.</summary>
    public double SumOfSquares { get; private set; }

    /// <summary>Mean (ns); 0 when empty.</summary>
    public double Mean => Count == 0 ? 0 : Sum / Count;

    /// <summary>Population standard deviation (ns).</summary>
    public double StdDev => Count == 0 ? 0 : Math.Sqrt(Math.Max(0, (SumOfSquares / Count) - (Mean * Mean)));

    /// <summary>Records one latency of <paramref name="nanoseconds"/> (negative counts as 0).</summary>
    public void Record(long nanoseconds)
    {
        var v = Math.Max(0, nanoseconds);
        _counts[IndexOf(v)]++;
        Count++;
        Sum += v;
        SumOfSquares += (double)v * v;
        if (v < Min)
        {
            Min = v;
        }

        if (v > Max)
        {
            Max = v;
        }
    }

    /// <summary>Adds every value of <paramref name="other"/> to this histogram.</summary>
    public void Add(LatencyHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Count == 0)
        {
            return;
        }

        for (var i = 0; i < BucketCount; i++)
        {
            _counts[i] += other._counts[i];
        }

        Count += other.Count;
        Sum += other.Sum;
        SumOfSquares += other.SumOfSquares;
        Min = Math.Min(Min, other.Min);
        Max = Math.Max(Max, other.Max);
    }

    /// <summary>The value (ns) at or below which <paramref name="percent"/> % of the values lie; 0 when empty.</summary>
    public long Percentile(double percent)
    {
        if (Count == 0)
        {
            return 0;
        }

        var rank = (long)Math.Ceiling(percent / 100 * Count);
        if (rank >= Count)
        {
            return Max;
        }

        if (rank <= 1)
        {
            return Min;
        }

        long seen = 0;
        for (var i = 0; i < BucketCount; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
            {
                return Math.Clamp(Representative(i), Min, Max);
            }
        }

        return Max;
    }

    /// <summary>Counts of the values in <paramref name="bins"/> equal-width bins from <see cref="Min"/> to <see cref="Max"/>; mark i is the bin's upper edge.</summary>
    public IReadOnlyList<(long MarkNanoseconds, long Count)> LinearBins(int bins)
    {
        var result = new (long, long)[bins];
        if (Count == 0)
        {
            return result;
        }

        var width = (double)(Max - Min) / bins;
        for (var b = 0; b < bins; b++)
        {
            result[b] = ((long)(Min + (width * (b + 1))), 0);
        }

        for (var i = 0; i < BucketCount; i++)
        {
            if (_counts[i] == 0)
            {
                continue;
            }

            var value = Math.Clamp(Representative(i), Min, Max);
            var bin = width <= 0 ? 0 : Math.Min(bins - 1, (int)((value - Min) / width));
            result[bin].Item2 += _counts[i];
        }

        return result;
    }

    private static int IndexOf(long v)
    {
        if (v < LinearLimit)
        {
            return (int)v;
        }

        var shift = BitOperations.Log2((ulong)v) - SubBucketBits;
        var mantissa = (int)(v >> shift);
        return (shift * SubBuckets) + mantissa;
    }

    private static long Representative(int index)
    {
        if (index < LinearLimit)
        {
            return index;
        }

        var shift = (index - SubBuckets) / SubBuckets;
        var mantissa = index - (shift * SubBuckets);
        var lower = (long)mantissa << shift;
        return lower + ((1L << shift) / 2);
    }
}
