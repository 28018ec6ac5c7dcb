using EtcdNet.Resilience;
using EtcdNet.Transport;

namespace EtcdNet.UnitTests.Resilience;

/// <summary>The reconnection loop that watch and lease keep-alive streams share, with a scripted owner on a fake clock.</summary>
public class ReconnectingStreamTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    /// <summary>An owner whose streams end as the test says, one after another.</summary>
    private sealed class ScriptedOwner(params StreamEnd[] ends) : IStreamOwner
    {
        private readonly Queue<StreamEnd> _ends = new(ends);
        private readonly SemaphoreSlim _opened = new(0);

        public List<string> Endpoints { get; } = [];

        public List<StreamVerdict> OpenFailures { get; } = [];

        public CallHeaders StreamHeaders => CallHeaders.None;

        public ulong AvoidEndpoints { get; set; }

        public Task<bool> WaitUntilNeededAsync(CancellationToken cancellationToken) => Task.FromResult(true);

        public void OnOpenFailed(StreamVerdict verdict) => OpenFailures.Add(verdict);

        public void OnClientDisposed(ObjectDisposedException error) => throw new InvalidOperationException("not disposed in these tests", error);

        public Task<StreamEnd> RunStreamAsync(GrpcEndpoint endpoint, int endpointIndex, CallHeaders headers, StreamRecovery recovery, CancellationToken cancellationToken)
        {
            Endpoints.Add(endpoint.Address);
            _opened.Release();
            return Task.FromResult(_ends.Count > 0 ? _ends.Dequeue() : StreamEnd.Shutdown);
        }

        public async Task OpenedAsync() => Assert.True(await _opened.WaitAsync(Guard), "no stream was opened");
    }

    [Fact]
    public async Task Streams_that_end_are_reopened_after_a_growing_backoff_and_at_once_when_asked()
    {
        using var scripted = new ScriptedInvoker();
        var owner = new ScriptedOwner(StreamEnd.Backoff, StreamEnd.Reopen, StreamEnd.Backoff);
        var loop = new ReconnectingStream(scripted.Invoker, owner).RunAsync(CancellationToken.None);

        await owner.OpenedAsync();
        await scripted.Time.TimersCreated(1).WaitAsync(Guard); // the first backoff
        Assert.Single(owner.Endpoints);
        scripted.Time.Advance(scripted.Retry.StreamBackoff.Step(0));
        await owner.OpenedAsync(); // ended with Reopen: the next one opens without a wait
        await owner.OpenedAsync();
        await scripted.Time.TimersCreated(2).WaitAsync(Guard);
        scripted.Time.Advance(scripted.Retry.StreamBackoff.Step(1) / 2 - TimeSpan.FromMilliseconds(1));
        Assert.Equal(3, owner.Endpoints.Count); // the second backoff is longer than half of its step
        scripted.Time.Advance(scripted.Retry.StreamBackoff.Step(1));
        await loop.WaitAsync(Guard); // the fourth stream says Shutdown

        Assert.Equal(4, owner.Endpoints.Count);
    }

    [Fact]
    public async Task The_owner_can_steer_the_next_stream_away_from_an_endpoint()
    {
        using var scripted = new ScriptedInvoker();
        var owner = new ScriptedOwner(StreamEnd.Reopen, StreamEnd.Reopen, StreamEnd.Reopen) { AvoidEndpoints = 0b001 };

        await new ReconnectingStream(scripted.Invoker, owner).RunAsync(CancellationToken.None).WaitAsync(Guard);

        Assert.DoesNotContain("http://e0:2379", owner.Endpoints);
    }

    [Fact]
    public async Task Wrong_credentials_before_a_stream_are_final_for_the_owner_and_the_loop_keeps_going()
    {
        using var scripted = new ScriptedInvoker(withCredentials: true);
        scripted.Transport.ThenFail(Failures.Of(FailureKind.WrongCredentials)); // the Authenticate call
        scripted.Transport.ThenAnswer(); // authenticated on the next try
        var owner = new ScriptedOwner();

        var loop = new ReconnectingStream(scripted.Invoker, owner).RunAsync(CancellationToken.None);
        await scripted.Time.TimersCreated(2).WaitAsync(Guard); // the Authenticate call's deadline, then the stream backoff
        var failure = Assert.Single(owner.OpenFailures);
        Assert.True(failure.Fails);
        Assert.IsType<EtcdAuthFailedException>(failure.Error);

        scripted.Time.Advance(scripted.Retry.StreamBackoff.Step(0));
        await loop.WaitAsync(Guard);
        Assert.Single(owner.Endpoints);
    }

    [Fact]
    public async Task Cancelling_stops_the_loop_during_a_backoff()
    {
        using var scripted = new ScriptedInvoker();
        var owner = new ScriptedOwner(StreamEnd.Backoff);
        using var cancel = new CancellationTokenSource();
        var loop = new ReconnectingStream(scripted.Invoker, owner).RunAsync(cancel.Token);
        await scripted.Time.TimersCreated(1).WaitAsync(Guard);

        await cancel.CancelAsync();

        await loop.WaitAsync(Guard);
        Assert.Single(owner.Endpoints);
    }
}
