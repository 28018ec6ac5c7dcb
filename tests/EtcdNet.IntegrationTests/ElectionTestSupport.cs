using EtcdNet.Election;

namespace EtcdNet.IntegrationTests;

/// <summary>Helpers for the election tests.</summary>
internal static class ElectionTestSupport
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    /// <summary>The client's Observe diagnostics (which endpoint its last stream went to, how many it opened).</summary>
    public static ObserveDiagnostics ObserveDiagnostics(EtcdClient client) => ((ElectionClient)client.Election).Diagnostics;

    /// <summary>Waits until the election (or lock) <paramref name="name"/> has <paramref name="count"/> keys: campaigners (or waiters) have queued up.</summary>
    public static async Task WaitForKeysAsync(EtcdClient client, string name, int count)
    {
        var deadline = DateTime.UtcNow + Wait;
        while ((await client.GetAsync(name + "/", new GetOptions { Prefix = true, CountOnly = true })).Count != count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{name} never had {count} keys");
            await Task.Delay(20);
        }
    }

    /// <summary>The next observed value, failing the test if none comes in time.</summary>
    public static async Task<LeaderResponse> NextAsync(IAsyncEnumerator<LeaderResponse> observation)
    {
        Assert.True(await observation.MoveNextAsync().AsTask().WaitAsync(Wait), "the observation ended");
        return observation.Current;
    }

    /// <summary>Consumes an observation in the background, recording each delivered value.</summary>
    public sealed class ObserveRecorder : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly List<LeaderResponse> _seen = [];
        private readonly Task _pump;
        private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ObserveRecorder(EtcdClient client, string name) => _pump = Task.Run(async () =>
        {
            try
            {
                await foreach (var response in client.Election.ObserveAsync(name, _stop.Token))
                {
                    lock (_seen)
                    {
                        _seen.Add(response);
                        _changed.TrySetResult();
                        _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
                    }
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
            }
        });

        public IReadOnlyList<LeaderResponse> Seen
        {
            get
            {
                lock (_seen)
                {
                    return [.. _seen];
                }
            }
        }

        public IReadOnlyList<string> Values => Seen.Select(r => r.Kv.ValueString).ToList();

        /// <summary>Waits until <paramref name="count"/> values were delivered.</summary>
        public async Task WaitForCountAsync(int count)
        {
            var deadline = DateTime.UtcNow + Wait;
            while (true)
            {
                Task changed;
                lock (_seen)
                {
                    if (_seen.Count >= count)
                    {
                        return;
                    }

                    changed = _changed.Task;
                }

                var remaining = deadline - DateTime.UtcNow;
                Assert.True(remaining > TimeSpan.Zero, $"only {Seen.Count} of {count} values observed: {string.Join(",", Values)}");
                await Task.WhenAny(changed, _pump, Task.Delay(remaining));
                if (_pump.IsCompleted)
                {
                    await _pump; // surfaces the exception that ended the observation
                    Assert.Fail("the observation ended");
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _pump;
            _stop.Dispose();
        }
    }
}
