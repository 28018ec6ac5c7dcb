namespace EtcdNet.Concurrency;

/// <summary>One commit condition: the key's modification revision compared with <paramref name="Revision"/>.</summary>
/// <param name="Key">The key.</param>
/// <param name="Op">The comparison.</param>
/// <param name="Revision">The operand.</param>
internal readonly record struct StmCondition(string Key, CompareOp Op, long Revision)
{
    /// <summary>The transaction comparison.</summary>
    public Compare ToCompare() => Compare.ModRevision(Key, Op, Revision);
}
