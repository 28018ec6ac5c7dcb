namespace EtcdNet;

public sealed partial record EtcdClientOptions
{
    partial void ValidateTls()
    {
        Tls?.Validate(nameof(Tls));
    }
}
