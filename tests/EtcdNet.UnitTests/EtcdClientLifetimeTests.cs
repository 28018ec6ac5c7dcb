namespace EtcdNet.UnitTests;

public class EtcdClientLifetimeTests
{
    [Fact]
    public async Task Calls_after_dispose_throw_ObjectDisposedException()
    {
        var client = new EtcdClient("http://127.0.0.1:1");
        await client.DisposeAsync();

        var error = await Assert.ThrowsAsync<ObjectDisposedException>(() => client.GetAsync("k"));
        Assert.Equal(typeof(EtcdClient).FullName, error.ObjectName);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.PutAsync("k", "v"));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.Lease.GrantAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Dispose_is_idempotent()
    {
        var client = new EtcdClient("http://127.0.0.1:1");
        client.Dispose();
        await client.DisposeAsync();
        client.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.DeleteAsync("k"));
    }
}
