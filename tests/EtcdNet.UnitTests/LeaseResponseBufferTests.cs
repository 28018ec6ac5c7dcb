using EtcdNet.Lease;

namespace EtcdNet.UnitTests;

public sealed class LeaseResponseBufferTests
{
    private static LeaseKeepAliveResponse Renewal(long ttl) => new(new EtcdNet.Protocol.Rpc.LeaseKeepAliveResponse { ID = 7, TTL = ttl });

    [Fact]
    public async Task KeepsTheLatestRenewals_DroppingTheOldest()
    {
        var buffer = new LeaseResponseBuffer();
        for (var i = 1; i <= 10; i++)
        {
            buffer.Add(Renewal(i));
        }

        Assert.Equal(10 - LeaseResponseBuffer.Capacity, buffer.Dropped);
        buffer.End(null);
        var taken = new List<long>();
        while (await buffer.TakeAsync(CancellationToken.None) is { } renewal)
        {
            taken.Add((long)renewal.Ttl.TotalSeconds);
        }

        Assert.Equal(Enumerable.Range(11 - LeaseResponseBuffer.Capacity, LeaseResponseBuffer.Capacity).Select(i => (long)i), taken);
    }

    [Fact]
    public async Task AWaitingTake_IsWokenByARenewal_AndThenByTheEnd()
    {
        var buffer = new LeaseResponseBuffer();
        var take = buffer.TakeAsync(CancellationToken.None).AsTask();
        Assert.False(take.IsCompleted);
        buffer.Add(Renewal(5));
        Assert.Equal(TimeSpan.FromSeconds(5), (await take.WaitAsync(TimeSpan.FromSeconds(5)))!.Ttl);

        var last = buffer.TakeAsync(CancellationToken.None).AsTask();
        var lost = new EtcdLeaseLostException(7, LeaseLostReason.Expired);
        buffer.End(lost);
        Assert.Same(lost, await Assert.ThrowsAsync<EtcdLeaseLostException>(() => last.WaitAsync(TimeSpan.FromSeconds(5))));
    }

    [Fact]
    public async Task TheError_ComesAfterTheKeptRenewals_AndNothingIsAddedAfterTheEnd()
    {
        var buffer = new LeaseResponseBuffer();
        buffer.Add(Renewal(1));
        buffer.End(new EtcdLeaseLostException(7, LeaseLostReason.NotFound));
        buffer.Add(Renewal(2));

        Assert.NotNull(await buffer.TakeAsync(CancellationToken.None));
        await Assert.ThrowsAsync<EtcdLeaseLostException>(() => buffer.TakeAsync(CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task ATake_HonoursItsToken()
    {
        var buffer = new LeaseResponseBuffer();
        using var cts = new CancellationTokenSource();
        var take = buffer.TakeAsync(cts.Token).AsTask();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => take);
    }
}
