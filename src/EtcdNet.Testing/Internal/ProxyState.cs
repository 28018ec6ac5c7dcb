namespace EtcdNet.Testing.Internal;

/// <summary>
/// An immutable snapshot of a fault proxy's per-direction faults. Every change makes a new snapshot and completes
/// the old one's <see cref="Changed"/>, which wakes connections holding bytes back.
/// </summary>
internal sealed class ProxyState
{
    private readonly TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ProxyState(NetworkFault toServer, long toServerSince, NetworkFault toClient, long toClientSince, Func<string?, bool>? blocksOrigin, long generation)
    {
        ToServer = toServer;
        ToServerSince = toServerSince;
        ToClient = toClient;
        ToClientSince = toClientSince;
        BlocksOrigin = blocksOrigin;
        Generation = generation;
    }

    public static ProxyState Initial => new(NetworkFault.None, 0, NetworkFault.None, 0, null, 0);

    public NetworkFault ToServer { get; }

    /// <summary>The generation in which <see cref="ToServer"/> was set (a cut counts its bytes from then).</summary>
    public long ToServerSince { get; }

    public NetworkFault ToClient { get; }

    public long ToClientSince { get; }

    /// <summary>Which connection origins are held back both ways; null for none.</summary>
    public Func<string?, bool>? BlocksOrigin { get; }

    public long Generation { get; }

    /// <summary>Completes when a newer snapshot replaces this one.</summary>
    public Task Changed => _changed.Task;

    public (NetworkFault Fault, long Since) For(FaultDirection direction) =>
        direction == FaultDirection.ToServer ? (ToServer, ToServerSince) : (ToClient, ToClientSince);

    public bool Blocks(string? origin) => BlocksOrigin is { } blocks && blocks(origin);

    public ProxyState With(NetworkFault fault, FaultDirection direction)
    {
        var generation = Generation + 1;
        var next = new ProxyState(
            direction.HasFlag(FaultDirection.ToServer) ? fault : ToServer,
            direction.HasFlag(FaultDirection.ToServer) ? generation : ToServerSince,
            direction.HasFlag(FaultDirection.ToClient) ? fault : ToClient,
            direction.HasFlag(FaultDirection.ToClient) ? generation : ToClientSince,
            BlocksOrigin,
            generation);
        Release();
        return next;
    }

    public ProxyState WithBlockedOrigins(Func<string?, bool>? blocks)
    {
        var next = new ProxyState(ToServer, ToServerSince, ToClient, ToClientSince, blocks, Generation + 1);
        Release();
        return next;
    }

    /// <summary>Wakes everything waiting on this snapshot.</summary>
    public void Release() => _changed.TrySetResult();
}
