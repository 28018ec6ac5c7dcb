namespace EtcdNet;

/// <summary>What happened to a key.</summary>
public enum WatchEventType
{
    /// <summary>The key was created or updated.</summary>
    Put = 0,
    /// <summary>The key was deleted (or its lease expired).</summary>
    Delete = 1,
}
