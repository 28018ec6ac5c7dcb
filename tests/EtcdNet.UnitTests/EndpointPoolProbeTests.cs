using EtcdNet.Resilience;
using EtcdNet.Transport;
using EtcdNet.UnitTests.Resilience;

namespace EtcdNet.UnitTests;

/// <summary>With a probe, a failed endpoint rejoins the rotation only once it answered one. The pool runs on a fake clock.</summary>
public sealed class EndpointPoolProbeTests
{
    private readonly CountingClock _clock = new();

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

    private EndpointPool Pool(ScriptedProbe probe, int count = 2)
        => new(Enumerable.Range(0, count).Select(i => GrpcEndpoint.Parse($"http://host{i}:2379"))) { Probe = probe.CheckAsync, Time = _clock };

    /// <summary>Lets the probe loop's next wait (the <paramref name="timers"/>-th timer of the clock) run out.</summary>
    private async Task EndWaitAsync(int timers)
    {
        await _clock.TimersCreated(timers).WaitAsync(Wait);
        _clock.Advance(EtcdRetryOptions.Default.EndpointBackoff.MaxDelay);
    }

    /// <summary>Lets the clock run (in steps longer than any backoff) until the probe loop of <paramref name="index"/> ends.</summary>
    private async Task ProbingEndsAsync(EndpointPool pool, int index)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (pool.IsProbing(index))
        {
            Assert.True(DateTime.UtcNow < deadline, "the probe loop did not end");
            _clock.Advance(EtcdRetryOptions.Default.EndpointBackoff.MaxDelay);
            await Task.Yield();
        }
    }

    private static int[] Picks(EndpointPool pool, int count) => Enumerable.Range(0, count).Select(_ => pool.Pick().Index).ToArray();

    [Fact]
    public async Task AFailedEndpoint_StaysOutAfterItsBackoff_UntilAProbeIsAnswered()
    {
        var probe = new ScriptedProbe();
        using var pool = Pool(probe);

        pool.ReportFailure(1); // backoff 250..500 ms
        await EndWaitAsync(1);
        await probe.NextCallAsync(); // the backoff ended: probed, no answer
        await EndWaitAsync(2);
        await probe.NextCallAsync(); // and again after the next backoff
        Assert.True(pool.IsSetAside(1));
        Assert.DoesNotContain(1, Picks(pool, 8));

        probe.Answers = true;
        await EndWaitAsync(3);
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
        await EndWaitAsync(1);
        await probe.NextCallAsync();

        pool.ReportSuccess(1); // a call that had to go there (everything else set aside) got an answer
        Assert.False(pool.IsSetAside(1));
        var calls = probe.Calls;
        await ProbingEndsAsync(pool, 1); // however long the clock runs, no more probes

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
        await _clock.TimersCreated(2).WaitAsync(Wait);
        _clock.Advance(TimeSpan.FromMilliseconds(500));
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
        using var pool = Pool(probe, 3);
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
        await EndWaitAsync(1);
        await probe.NextCallAsync();
        pool.Dispose();
        var calls = probe.Calls;

        await ProbingEndsAsync(pool, 1);

        Assert.Equal(calls, probe.Calls);
    }
}
