using EtcdNet.Resilience;
using EtcdNet.Transport;

namespace EtcdNet.UnitTests;

/// <summary>With a probe, a failed endpoint rejoins the rotation only once it answered one.</summary>
public sealed class EndpointPoolProbeTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    /// <summary>A probe whose answer the test decides, and which records every endpoint it was asked about.</summary>
    private sealed class ScriptedProbe
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _asked = new();
        private volatile bool _answers;
        private readonly SemaphoreSlim _calls = new(0);

        public bool Answers { set => _answers = value; }

        public int Calls => _asked.Count;

        public async Task CheckAsync(GrpcEndpoint endpoint, CancellationToken cancellationToken)
        {
            var answers = _answers; // decided when asked
            _asked.Enqueue(endpoint.Address);
            _calls.Release();
            await Task.Yield();
            if (!answers)
            {
                throw new TimeoutException("no answer");
            }
        }

        public async Task NextCallAsync() => Assert.True(await _calls.WaitAsync(Wait), "the probe was not called");
    }

    private static EndpointPool Pool(ScriptedProbe probe)
        => new(Enumerable.Range(0, 2).Select(i => GrpcEndpoint.Parse($"http://host{i}:2379"))) { Probe = probe.CheckAsync };

    private static int[] Picks(EndpointPool pool, int count) => Enumerable.Range(0, count).Select(_ => pool.Pick().Index).ToArray();

    [Fact]
    public async Task AFailedEndpoint_StaysOutAfterItsBackoff_UntilAProbeIsAnswered()
    {
        var probe = new ScriptedProbe();
        using var pool = Pool(probe);

        pool.ReportFailure(1); // backoff 250..500 ms
        await probe.NextCallAsync(); // the backoff ended: probed, no answer
        await probe.NextCallAsync(); // and again after the next backoff
        Assert.True(pool.IsSetAside(1));
        Assert.DoesNotContain(1, Picks(pool, 8));

        probe.Answers = true;
        var deadline = DateTime.UtcNow + Wait;
        while (pool.IsSetAside(1))
        {
            Assert.True(DateTime.UtcNow < deadline, "the endpoint did not rejoin after answering");
            await Task.Delay(10);
        }

        Assert.Contains(1, Picks(pool, 4));
    }

    [Fact]
    public async Task ASuccessfulCallThere_EndsTheProbation_AndProbingStops()
    {
        var probe = new ScriptedProbe();
        using var pool = Pool(probe);
        pool.ReportFailure(1);
        await probe.NextCallAsync();

        pool.ReportSuccess(1); // a call that had to go there (everything else set aside) got an answer
        Assert.False(pool.IsSetAside(1));
        var calls = probe.Calls;
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // longer than the next backoff (at most 1 s)
        Assert.Equal(calls, probe.Calls);
    }

    [Fact]
    public async Task WhenEveryEndpointIsOnProbation_CallsGoToTheOneWhoseBackoffEndsFirst_AndAnAnswerThereEndsItsProbation()
    {
        var probe = new ScriptedProbe();
        using var pool = Pool(probe);
        for (var i = 0; i < 6; i++)
        {
            pool.ReportFailure(0); // backs off for seconds
        }

        pool.ReportFailure(1); // backs off for 250..500 ms, then fails its probe: on probation with the earlier end
        await probe.NextCallAsync();

        Assert.Equal([1, 1, 1, 1], Picks(pool, 4));
        pool.ReportSuccess(pool.Endpoints.ElementAt(1)); // a call addressed to it got an answer
        Assert.False(pool.IsSetAside(1));
        Assert.True(pool.IsSetAside(0));
    }

    [Fact]
    public void ARetry_PrefersAHealthyEndpointItAlreadyTried_ToOneOnProbation()
    {
        var probe = new ScriptedProbe();
        using var pool = new EndpointPool(Enumerable.Range(0, 3).Select(i => GrpcEndpoint.Parse($"http://host{i}:2379"))) { Probe = probe.CheckAsync };
        pool.ReportFailure(0); // a black hole: on probation

        const ulong triedOneAndTwo = 0b110; // both answered "no leader"
        Assert.All(Enumerable.Range(0, 6).Select(_ => pool.Pick(triedOneAndTwo).Index), index => Assert.NotEqual(0, index));
    }

    [Fact]
    public async Task DisposeStopsProbing()
    {
        var probe = new ScriptedProbe();
        var pool = Pool(probe);
        pool.ReportFailure(1);
        await probe.NextCallAsync();
        pool.Dispose();
        var calls = probe.Calls;

        await Task.Delay(TimeSpan.FromSeconds(1.5));

        Assert.Equal(calls, probe.Calls);
    }
}
