namespace EtcdNet;

/// <summary>Options of a put.</summary>
public sealed record PutOptions
{
    /// <summary>Attach the key to this lease (it is deleted when the lease expires); 0 (the default) attaches none.</summary>
    public long Lease { get; init; }

    /// <summary>Return the previous key-value in <see cref="PutResponse.PrevKv"/>.</summary>
    public bool PrevKv { get; init; }

    /// <summary>Keep the key's current value (pass an empty value); fails with <see cref="EtcdKeyNotFoundException"/> when the key does not exist.</summary>
    public bool IgnoreValue { get; init; }

    /// <summary>Keep the key's current lease; fails with <see cref="EtcdKeyNotFoundException"/> when the key does not exist.</summary>
    public bool IgnoreLease { get; init; }
}
