namespace EtcdNet.RobustnessTests.Checking;

/// <summary>
/// What etcd answered: the header revision, whether a txn's compare held (or a delete deleted a key), and the keys
/// read (in the order of the input's keys; null for an absent key).
/// </summary>
public sealed record KvOutput(long Revision, bool Succeeded = true, IReadOnlyList<KeyState?>? Reads = null)
{
    public IReadOnlyList<KeyState?> ReadsOrEmpty => Reads ?? [];

    public override string ToString() => $"rev {Revision}{(Succeeded ? "" : " (else)")}{(Reads is null ? "" : " [" + string.Join(", ", Reads.Select(r => r?.ToString() ?? "absent")) + "]")}";
}
