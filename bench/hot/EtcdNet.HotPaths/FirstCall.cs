using System.Diagnostics;

namespace EtcdNet.HotPaths;

/// <summary>
/// Clients created one after another, each answering one Get before it is disposed. The first sample is the cold one
/// (nothing of the client has run yet in this process, so it includes loading and compiling it); the rest are warm.
/// </summary>
internal static class FirstCall
{
    public static async Task<HotResult> RunAsync(HotArgs args)
    {
        var times = new List<double>(args.Samples);
        var cpu0 = ProcessCpu.Seconds();
        var all = Stopwatch.StartNew();
        for (var s = 0; s < args.Samples; s++)
        {
            var start = Stopwatch.GetTimestamp();
            await using (var client = args.NewClient())
            {
                await client.GetAsync(args.Prefix + "first-call");
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        var warm = times.Skip(1).Order().ToList();
        return new HotResult
        {
            ColdMilliseconds = times[0],
            WarmMedianMilliseconds = warm.Count > 0 ? warm[warm.Count / 2] : null,
            Seconds = all.Elapsed.TotalSeconds,
            CpuSeconds = ProcessCpu.Seconds() - cpu0,
        };
    }
}
