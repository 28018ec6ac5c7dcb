namespace EtcdNet.Samples.WebApi;

/// <summary>Settings read from etcd keys under /sample/app/Greeting/.</summary>
public sealed class GreetingOptions
{
    public string Message { get; set; } = "hello (default)";

    public int Repeat { get; set; } = 1;
}
