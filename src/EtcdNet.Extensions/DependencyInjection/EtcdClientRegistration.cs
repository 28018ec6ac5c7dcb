namespace EtcdNet.Extensions;

/// <summary>Marks a client name as registered, so that the factory can tell an unknown name from a misconfigured one.</summary>
internal sealed record EtcdClientRegistration(string Name);
