namespace EtcdNet.Extensions;

/// <summary>The settings read under the prefix, and the store revision they were read at.</summary>
internal sealed record EtcdConfigurationSnapshot(Dictionary<string, string?> Data, long Revision);
