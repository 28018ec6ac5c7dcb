namespace EtcdNet.Concurrency.Tests;

/// <summary>The recipes' key parsing, without etcd.</summary>
public class RecipeKeyTests
{
    [Fact]
    public void SequenceNumbers_AreParsedFromTheLastPathField()
    {
        Assert.Equal(42, RecipeKv.ParseSequence("q/00003/0000000000000042"));
        Assert.Equal(0, RecipeKv.ParseSequence("q/0000000000000000"));
        Assert.Throws<FormatException>(() => RecipeKv.ParseSequence("q/abc"));
        Assert.Throws<FormatException>(() => RecipeKv.ParseSequence("q/-1"));
    }
}
