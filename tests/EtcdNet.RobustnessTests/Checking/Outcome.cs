namespace EtcdNet.RobustnessTests.Checking;

/// <summary>How an operation ended, as the client reported it.</summary>
public enum Outcome
{
    /// <summary>It succeeded, with a response.</summary>
    Ok,

    /// <summary>It failed and certainly had no effect (the client says the request never reached etcd).</summary>
    Failed,

    /// <summary>It failed, but may have been applied.</summary>
    Unknown,
}
