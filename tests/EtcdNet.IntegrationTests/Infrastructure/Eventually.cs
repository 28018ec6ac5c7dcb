namespace EtcdNet.IntegrationTests.Infrastructure;

/// <summary>Polls a condition that becomes true through server-side work the API cannot signal (metrics).</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan? within = null, string? because = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, because ?? "the condition did not become true in time");
            await Task.Delay(50);
        }
    }
}
