namespace EtcdNet.Concurrency.Tests;

public class ConcurrencyKeysTests
{
    [Fact]
    public void Owner_keys_match_the_go_layout()
    {
        Assert.Equal("lock/694d7e2b1c3a9f01", ConcurrencyKeys.OwnerKey("lock/", 0x694d7e2b1c3a9f01));
        Assert.Equal("lock/", ConcurrencyKeys.Prefix("lock"));
        Assert.Equal("lock/", ConcurrencyKeys.Prefix("lock/"));
    }
}
