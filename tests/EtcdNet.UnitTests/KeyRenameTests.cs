namespace EtcdNet.UnitTests;

public sealed class KeyRenameTests
{
    [Theory]
    [InlineData("o_", "d_", "o_key", "d_key")]
    [InlineData("o_", "", "o_key", "key")]
    [InlineData("o_", null, "o_key", "o_key")]
    [InlineData("", "d_", "key", "d_key")]
    [InlineData("o_", "d_", "other", "other")]
    public void ReplacesTheSourcePrefixAtTheStart(string prefix, string? destination, string key, string expected)
    {
        var rename = new KeyRename(prefix, destination is null ? (EtcdBytes?)null : EtcdBytes.FromString(destination));
        Assert.Equal(expected, rename.Apply(System.Text.Encoding.UTF8.GetBytes(key)).ToString());
    }
}
