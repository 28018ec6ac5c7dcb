namespace EtcdNet.RobustnessTests.Checking;

/// <summary>A serializable get that succeeded: the header revision of the member that served it and what it returned.</summary>
public sealed record SerializableRead(int Client, string Key, long Revision, KeyState? Value, long At);
