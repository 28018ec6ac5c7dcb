namespace EtcdNet.RobustnessTests.Checking;

/// <summary>A key as etcd stores it: value, version, create and mod revision.</summary>
public sealed record KeyState(string Value, long Version, long CreateRevision, long ModRevision)
{
    public static KeyState? From(KeyValue? kv) => kv is null ? null : new KeyState(kv.ValueString, kv.Version, kv.CreateRevision, kv.ModRevision);

    public override string ToString() => $"{Value}@v{Version}/c{CreateRevision}/m{ModRevision}";
}
