using System.Runtime.CompilerServices;
using EtcdNet.Resilience;
using EtcdNet.Transport;

namespace EtcdNet.Watch;

/// <summary>The Watch service client: watches share one stream per metadata set (plain, require-leader).</summary>
internal sealed class WatchClient : IWatchClient, IAsyncDisposable
{
    private static readonly WatchOptions Defaults = new();
    private static readonly CallHeaders RequireLeaderHeaders = new(null, RpcInvoker.LeaderRequired);

    private readonly WatchStream _plain;
    private readonly WatchStream _requireLeader;
    private readonly int _maxSendMessageSize;

    public WatchClient(RpcInvoker invoker, EndpointProbe? probe = null, TimeSpan? checkInterval = null)
    {
        _maxSendMessageSize = invoker.Transport.Settings.MaxSendMessageSize;
        var check = probe is not null && checkInterval is { } interval ? new WatchStreamCheck(probe, interval, invoker.Time) : null;
        _plain = new WatchStream(invoker, CallHeaders.None, requireLeader: false, probe, check);
        _requireLeader = new WatchStream(invoker, RequireLeaderHeaders, requireLeader: true, probe, check);
    }

    /// <summary>The stream shared by watches without RequireLeader (for tests and diagnostics).</summary>
    internal WatchStream PlainStream => _plain;

    /// <summary>The stream shared by watches with RequireLeader (for tests and diagnostics).</summary>
    internal WatchStream RequireLeaderStream => _requireLeader;

    public IAsyncEnumerable<WatchResponse> WatchAsync(EtcdBytes key, WatchOptions? options = null, CancellationToken cancellationToken = default)
        => WatchAsync(key, options, prefix: null, cancellationToken);

    /// <summary>A watch inside a namespace: keys are prefixed on the way out and stripped from events.</summary>
    internal IAsyncEnumerable<WatchResponse> WatchAsync(EtcdBytes key, WatchOptions? options, Namespace.KeyPrefix? prefix, CancellationToken cancellationToken)
    {
        options ??= Defaults;
        var template = WatchRequests.Create(key, options); // validate before the enumeration starts
        var largest = template.Clone();
        prefix?.Apply(largest);
        largest.StartRevision = long.MaxValue;
        try
        {
            Transport.GrpcFrameWriter.MeasureChecked(new Protocol.Rpc.WatchRequest { CreateRequest = largest }, _maxSendMessageSize);
        }
        catch (Transport.GrpcMessageTooLargeException e)
        {
            throw Errors.EtcdErrorMapper.TooLarge(e);
        }

        return EnumerateAsync(new Watcher(template, options, prefix), options.RequireLeader ? _requireLeader : _plain, cancellationToken);
    }

    public Task RequestProgressAsync(CancellationToken cancellationToken = default)
        => Task.WhenAll(_plain.RequestProgressAsync(cancellationToken), _requireLeader.RequestProgressAsync(cancellationToken));

    public async ValueTask DisposeAsync()
    {
        await _plain.DisposeAsync().ConfigureAwait(false);
        await _requireLeader.DisposeAsync().ConfigureAwait(false);
    }

    private static async IAsyncEnumerable<WatchResponse> EnumerateAsync(Watcher watcher, WatchStream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        stream.Add(watcher);
        try
        {
            while (await watcher.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (watcher.Reader.TryRead(out var response))
                {
                    if (watcher.Overflowed)
                    {
                        stream.ResumeAfterOverflow(watcher);
                    }

                    yield return response;
                }
            }
        }
        finally
        {
            stream.Remove(watcher);
        }
    }
}
