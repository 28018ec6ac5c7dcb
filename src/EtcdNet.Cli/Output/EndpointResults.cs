namespace EtcdNet.Cli.Output;

/// <summary>One endpoint's health check: whether a read through it succeeded, how long it took, and the error if not.</summary>
internal sealed record EndpointHealthResult(string Endpoint, bool Health, string Took, string Error);

/// <summary>One endpoint's status, under the endpoint as the user gave it.</summary>
internal sealed record EndpointStatusResult(string Endpoint, StatusResponse Status);

/// <summary>One endpoint's key-value history hash, under the endpoint as the user gave it.</summary>
internal sealed record EndpointHashKvResult(string Endpoint, HashKvResponse HashKv);
