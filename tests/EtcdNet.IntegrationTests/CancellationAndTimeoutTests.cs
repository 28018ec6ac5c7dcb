using System.Diagnostics;
using EtcdNet.IntegrationTests.Infrastructure;

namespace EtcdNet.IntegrationTests;

/// <summary>Calls against a paused (SIGSTOP) member: cancellation and deadlines end them promptly.</summary>
public sealed class CancellationAndTimeoutTests(FaultySingleMemberFixture fixture, ITestOutputHelper output)
    : EtcdTest(fixture, output), IClassFixture<FaultySingleMemberFixture>
{
    /// <summary>Waits until <paramref name="client"/> gets an answer: the connection is up and the member responsive.</summary>
    private async Task WarmUpAsync(EtcdClient client)
    {
        await Client.PutAsync(Key("warm"), "up");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                await client.GetAsync(Key("warm"));
                return;
            }
            catch (EtcdTimeoutException) when (DateTime.UtcNow < deadline)
            {
                // the member is still catching up after a previous test resumed it
            }
        }
    }

    public override async Task DisposeAsync()
    {
        Cluster.Members[0].Resume();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task CancellingACallInFlight_ThrowsOperationCanceledWithin100ms()
    {
        await WarmUpAsync(Client);
        Cluster.Members[0].Pause();
        using var cts = new CancellationTokenSource();

        var call = Client.GetAsync(Key("warm"), cancellationToken: cts.Token);
        await Task.Delay(50); // let the request reach the paused server
        Assert.False(call.IsCompleted, call.Exception?.ToString() ?? call.Status.ToString());
        var watch = Stopwatch.StartNew();
        await cts.CancelAsync();
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        Assert.True(watch.ElapsedMilliseconds < 100, $"cancellation took {watch.ElapsedMilliseconds} ms");
        Assert.Equal(cts.Token, error.CancellationToken);
    }

    [Fact]
    public async Task AlreadyCancelledToken_ThrowsWithoutCalling()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client.PutAsync(Key("never"), "v", cancellationToken: cts.Token));

        Assert.Empty((await Client.GetAsync(Key("never"))).Kvs);
    }

    [Fact]
    public async Task RequestTimeout_AgainstAPausedMember_ThrowsEtcdTimeoutException()
    {
        await using var client = Fixture.CreateClient(o => o with { RequestTimeout = TimeSpan.FromMilliseconds(50) });
        await WarmUpAsync(client);
        Cluster.Members[0].Pause();

        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<EtcdTimeoutException>(() => client.GetAsync(Key("warm")));

        Assert.IsAssignableFrom<TimeoutException>(error);
        Assert.Equal(TimeSpan.FromMilliseconds(50), error.Timeout);
        Assert.True(watch.ElapsedMilliseconds < 1000, $"timeout took {watch.ElapsedMilliseconds} ms");
        Cluster.Members[0].Resume();
        Assert.Equal("up", (await Client.GetAsync(Key("warm"))).Kvs[0].ValueString); // the member serves again
    }
}
