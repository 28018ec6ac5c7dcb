namespace EtcdNet.Extensions.Tests;

public sealed class FeatureOptions
{
    public string? Color { get; set; }
}
