namespace EtcdNet.RobustnessTests.Checking;

/// <summary>What a KV operation asked for. <see cref="Keys"/> are the keys it reads or writes.</summary>
public abstract record KvInput
{
    public abstract IReadOnlyList<string> Keys { get; }

    /// <summary>True when the operation may change the store.</summary>
    public abstract bool IsWrite { get; }

    /// <summary>Prints only what the operation asked for.</summary>
    protected virtual bool PrintMembers(System.Text.StringBuilder builder) => false;
}

/// <summary>Put a unique value.</summary>
public sealed record PutInput(string Key, string Value) : KvInput
{
    public override IReadOnlyList<string> Keys => [Key];

    public override bool IsWrite => true;
}

/// <summary>A linearizable get of one key.</summary>
public sealed record GetInput(string Key) : KvInput
{
    public override IReadOnlyList<string> Keys => [Key];

    public override bool IsWrite => false;
}

/// <summary>Delete one key.</summary>
public sealed record DeleteInput(string Key) : KvInput
{
    public override IReadOnlyList<string> Keys => [Key];

    public override bool IsWrite => true;
}

/// <summary>Compare-and-swap: if the key's mod revision is <paramref name="ExpectedModRevision"/> (0: absent) put a unique value, else get it.</summary>
public sealed record CasInput(string Key, long ExpectedModRevision, string Value) : KvInput
{
    public override IReadOnlyList<string> Keys => [Key];

    public override bool IsWrite => true;
}

/// <summary>A txn over two keys: if both hold the expected values, put new unique values in both, else get both.</summary>
public sealed record TransferInput(string KeyA, string ExpectA, string KeyB, string ExpectB, string NewA, string NewB) : KvInput
{
    public override IReadOnlyList<string> Keys => [KeyA, KeyB];

    public override bool IsWrite => true;
}
