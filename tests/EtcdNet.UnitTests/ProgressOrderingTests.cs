using EtcdNet.Watch;

namespace EtcdNet.UnitTests;

/// <summary>Which etcd versions send requested progress notifications in order with the events (etcd issue 15220, fixed in 3.4.25 and 3.5.8).</summary>
public sealed class ProgressOrderingTests
{
    [Theory]
    [InlineData("3.4.23", false)]
    [InlineData("3.4.24", false)]
    [InlineData("3.4.25", true)]
    [InlineData("3.4.37", true)]
    [InlineData("3.5.7", false)]
    [InlineData("3.5.8", true)]
    [InlineData("3.5.21", true)]
    [InlineData("3.6.0", true)]
    [InlineData("3.6.0-rc.1", true)]
    [InlineData("4.0.0", true)]
    [InlineData("3.3.27", false)]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("not a version", false)]
    public void IsOrdered(string? version, bool expected) => Assert.Equal(expected, ProgressOrdering.IsOrdered(version));
}
