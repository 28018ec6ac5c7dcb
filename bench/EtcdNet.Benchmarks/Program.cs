using BenchmarkDotNet.Running;

namespace EtcdNet.Benchmarks;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // Scale measurements against a real local etcd; everything else is BenchmarkDotNet.
        if (args.Length > 0 && args[0].StartsWith("watch-", StringComparison.Ordinal))
        {
            return await WatchScale.RunAsync(args);
        }

        // `leases [count] [seconds] [ttl-seconds]`: leases kept alive on one stream (see LeaseKeepAliveLoad).
        if (args.Length > 0 && args[0] == "leases")
        {
            return await LeaseKeepAliveLoad.RunAsync(args);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
