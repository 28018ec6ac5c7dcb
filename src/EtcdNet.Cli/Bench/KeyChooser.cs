namespace EtcdNet.Cli.Bench;

/// <summary>Picks key indexes in [0, key space): the request number modulo the key space (sequential) or uniformly random per worker.</summary>
internal sealed class KeyChooser
{
    private readonly Random[] _random;

    public KeyChooser(int workers, int keySpace, bool sequential)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keySpace, 1);

        KeySpace = keySpace;
        Sequential = sequential;
        _random = [.. Enumerable.Range(0, workers).Select(w => new Random(w + 1))];
    }

    public int KeySpace { get; }

    public bool Sequential { get; }

    /// <summary>The key index for request <paramref name="sequence"/> of <paramref name="worker"/> (plus <paramref name="offset"/> for multi-key requests).</summary>
    public long Next(int worker, long sequence, int offset = 0)
        => Sequential ? (sequence + offset) % KeySpace : _random[worker].Next(KeySpace);
}
