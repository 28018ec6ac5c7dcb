namespace EtcdNet;

/// <summary>The result of releasing a lock.</summary>
public sealed class UnlockResponse
{
    internal UnlockResponse(Protocol.Lock.UnlockResponse response) => Header = ResponseHeader.From(response.Header);

    /// <summary>The response header.</summary>
    public ResponseHeader Header { get; }
}
