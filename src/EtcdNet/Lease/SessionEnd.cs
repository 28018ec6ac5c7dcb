namespace EtcdNet.Lease;

/// <summary>Why a keep-alive stream was ended by the client.</summary>
internal enum SessionEnd
{
    /// <summary>Not ended by the client (yet).</summary>
    None,
    /// <summary>A renewal went unanswered too long (for example, the member is paused): move to another endpoint.</summary>
    Stuck,
    /// <summary>Writing a renewal failed.</summary>
    WriteFailed,
    /// <summary>No lease is kept alive any more.</summary>
    Idle,
    /// <summary>The client is shutting down.</summary>
    Shutdown,
}
