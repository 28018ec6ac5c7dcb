namespace EtcdNet.IntegrationTests;

/// <summary>A service registration, as stored by the JSON tests.</summary>
public sealed record JsonTestService(string Name, IReadOnlyList<string> Endpoints, int Weight, DateTimeOffset Registered, JsonTestService.Tags? Labels = null)
{
    public sealed record Tags(string Zone, bool Canary);
}
