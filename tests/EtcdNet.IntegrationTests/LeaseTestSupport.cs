using System.Diagnostics;
using System.Globalization;
using EtcdNet.Lease;
using EtcdNet.Testing;

namespace EtcdNet.IntegrationTests;

/// <summary>The lease keep-alive tests run one at a time: their timing assertions need the machine to themselves.</summary>
[CollectionDefinition(Name)]
public sealed class LeaseKeepAliveCollection
{
    public const string Name = "lease keep-alive";
}

/// <summary>Helpers for the lease keep-alive tests.</summary>
internal static class LeaseTestSupport
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    public static EtcdClient CreateClient(IEnumerable<string> endpoints, EtcdProtocol protocol = EtcdProtocol.Grpc) => new(new EtcdClientOptions
    {
        Protocol = protocol,
        Endpoints = endpoints.ToArray(),
        DialTimeout = TimeSpan.FromSeconds(2),
        RequestTimeout = TimeSpan.FromSeconds(5),
    });

    /// <summary>The client's shared keep-alive (after its first KeepAliveAsync).</summary>
    public static LeaseKeepAliveManager KeepAlives(EtcdClient client) => ((LeaseClient)client.Lease).KeepAlives!;

    /// <summary>The member whose client URL is <paramref name="endpoint"/>.</summary>
    public static EtcdMember MemberAt(EtcdCluster cluster, string? endpoint)
        => cluster.Members.Single(m => m.ClientUrl == endpoint);

    /// <summary>How many LeaseKeepAlive streams the member's gRPC server has started (Prometheus counter).</summary>
    public static async Task<double> KeepAliveStreamsStartedAsync(EtcdMember member)
    {
        var text = await Http.GetStringAsync(member.MetricsUrl);
        return text.Split('\n')
            .Where(l => l.StartsWith("grpc_server_started_total{", StringComparison.Ordinal) && l.Contains("grpc_method=\"LeaseKeepAlive\"", StringComparison.Ordinal))
            .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    /// <summary>Consumes a keep-alive's enumeration in the background, recording each renewal and how it ended.</summary>
    public sealed class RenewalRecorder
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _lastTicks = -1;
        private int _count;

        public RenewalRecorder(LeaseKeepAlive keepAlive)
        {
            Ended = Task.Run(async () =>
            {
                await foreach (var renewal in keepAlive)
                {
                    Assert.Equal(keepAlive.LeaseId, renewal.Id);
                    Assert.True(renewal.Ttl > TimeSpan.Zero);
                    Interlocked.Exchange(ref _lastTicks, _clock.Elapsed.Ticks);
                    Interlocked.Increment(ref _count);
                    _first.TrySetResult();
                }
            });
        }

        /// <summary>Completes when the enumeration ends: normally, or with its exception.</summary>
        public Task Ended { get; }

        public int Count => Volatile.Read(ref _count);

        /// <summary>When the last renewal was seen, on <see cref="Now"/>'s clock; null before the first.</summary>
        public TimeSpan? LastRenewal => Interlocked.Read(ref _lastTicks) is var t and >= 0 ? TimeSpan.FromTicks(t) : null;

        public TimeSpan Now => _clock.Elapsed;

        /// <summary>Waits for the first renewal.</summary>
        public Task FirstRenewal => _first.Task.WaitAsync(TimeSpan.FromSeconds(15));

        /// <summary>Waits until <paramref name="count"/> renewals were seen in total.</summary>
        public async Task WaitForCountAsync(int count)
        {
            var deadline = Stopwatch.StartNew();
            while (Count < count)
            {
                Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), $"only {Count} of {count} renewals");
                Assert.False(Ended.IsCompleted, "the enumeration ended");
                await Task.Delay(20);
            }
        }
    }
}
