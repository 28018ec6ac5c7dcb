using EtcdNet.Discovery.ServiceDiscovery;

namespace EtcdNet.Discovery.Tests;

/// <summary>
/// The change token of the service-discovery provider (no server needed). Microsoft.Extensions.ServiceDiscovery's
/// watcher disposes its registration while holding the lock its callback takes; these tests hold that shape.
/// </summary>
public sealed class EndpointSetChangeTokenTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Disposing_a_registration_under_the_lock_its_running_callback_waits_for_does_not_deadlock()
    {
        var token = new EndpointSetChangeToken();
        var gate = new object();
        var callbackEntered = new ManualResetEventSlim();
        var callbackDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var registration = token.RegisterChangeCallback(_ =>
        {
            callbackEntered.Set();
            lock (gate)
            {
            }

            callbackDone.SetResult();
        }, null);

        // One thread holds the lock and disposes the registration once the callback runs; another fires the token,
        // as the watcher and the endpoint-set follower do.
        var locked = new ManualResetEventSlim();
        var holder = Task.Run(() =>
        {
            lock (gate)
            {
                locked.Set();
                Assert.True(callbackEntered.Wait(Wait), "the callback did not start");
                registration.Dispose(); // a CancellationTokenSource registration would wait here for the callback: deadlock
            }
        });
        var firer = Task.Run(() =>
        {
            Assert.True(locked.Wait(Wait));
            token.Fire();
        });

        await Task.WhenAll(holder, firer).WaitAsync(Wait);
        await callbackDone.Task.WaitAsync(Wait);
        Assert.True(token.HasChanged);
    }

    [Fact]
    public async Task Fire_returns_without_running_the_callbacks_and_a_late_registration_is_called_back()
    {
        var token = new EndpointSetChangeToken();
        using var release = new ManualResetEventSlim();
        var ran = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        token.RegisterChangeCallback(_ =>
        {
            release.Wait(Wait);
            ran.TrySetResult();
        }, null);
        Assert.False(token.HasChanged);

        token.Fire(); // a callback run inline would hold this call until the release

        Assert.False(ran.Task.IsCompleted);
        Assert.True(token.HasChanged);
        release.Set();
        await ran.Task.WaitAsync(Wait);
        var late = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        token.RegisterChangeCallback(_ => late.SetResult(), null);
        await late.Task.WaitAsync(Wait);
    }

    [Fact]
    public async Task A_disposed_registration_is_not_called_back()
    {
        var token = new EndpointSetChangeToken();
        var called = 0;
        token.RegisterChangeCallback(_ => Interlocked.Increment(ref called), null).Dispose();
        var other = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        token.RegisterChangeCallback(_ => other.SetResult(), null);

        token.Fire();

        await other.Task.WaitAsync(Wait);
        Assert.Equal(0, Volatile.Read(ref called));
    }
}
