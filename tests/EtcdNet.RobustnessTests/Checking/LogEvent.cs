namespace EtcdNet.RobustnessTests.Checking;

/// <summary>One change in etcd's revision history: a put (with the key's state after it) or a delete.</summary>
public sealed record LogEvent(long Revision, string Key, KeyState? After)
{
    public bool IsDelete => After is null;

    public override string ToString() => $"{Revision} {Key} {(IsDelete ? "deleted" : After!.ToString())}";
}
