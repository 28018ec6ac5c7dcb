using EtcdNet.Protocol.Election;
using EtcdNet.Resilience;
using EtcdNet.Transport;
using Google.Protobuf;

namespace EtcdNet.Election;

/// <summary>The Election service client. Campaign waits by design: it runs without the client's request timeout.</summary>
internal sealed class ElectionClient : IElectionClient
{
    private readonly RpcInvoker _invoker;

    public ElectionClient(RpcInvoker invoker) => _invoker = invoker;

    /// <summary>Counters of this client's Observe streams (for tests and diagnostics).</summary>
    internal ObserveDiagnostics Diagnostics { get; } = new();

    public async Task<EtcdNet.LeaderKey> CampaignAsync(EtcdBytes name, long leaseId, EtcdBytes value, CancellationToken cancellationToken = default)
    {
        var nameBytes = RequireName(name);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(leaseId);
        var request = new CampaignRequest { Name = nameBytes, Lease = leaseId, Value = value.ToByteString() };
        var response = await CallAsync(ElectionMethods.Campaign, request, Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        return EtcdNet.LeaderKey.From(response.Leader
            ?? throw new EtcdProtocolException("etcd answered Campaign without a leader key.", GrpcStatusCode.Internal));
    }

    public async Task<EtcdNet.ProclaimResponse> ProclaimAsync(EtcdNet.LeaderKey leader, EtcdBytes value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(leader);
        var request = new ProclaimRequest { Leader = leader.ToProto(), Value = value.ToByteString() };
        return new EtcdNet.ProclaimResponse(await CallAsync(ElectionMethods.Proclaim, request, _invoker.RequestTimeout, cancellationToken).ConfigureAwait(false));
    }

    public async Task<EtcdNet.LeaderResponse> LeaderAsync(EtcdBytes name, CancellationToken cancellationToken = default)
    {
        var request = new LeaderRequest { Name = RequireName(name) };
        var response = await CallAsync(ElectionMethods.Leader, request, _invoker.RequestTimeout, cancellationToken).ConfigureAwait(false);
        return response.Kv is null
            ? throw new EtcdElectionNoLeaderException("The election has no leader.")
            : new EtcdNet.LeaderResponse(ResponseHeader.From(response.Header), new KeyValue(response.Kv));
    }

    public IAsyncEnumerable<EtcdNet.LeaderResponse> ObserveAsync(EtcdBytes name, CancellationToken cancellationToken = default)
    {
        var observer = new ElectionObserver(_invoker, RequireName(name), Diagnostics); // validate before the enumeration starts
        return observer.RunAsync(cancellationToken);
    }

    public async Task<EtcdNet.ResignResponse> ResignAsync(EtcdNet.LeaderKey leader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(leader);
        var request = new ResignRequest { Leader = leader.ToProto() };
        return new EtcdNet.ResignResponse(await CallAsync(ElectionMethods.Resign, request, _invoker.RequestTimeout, cancellationToken).ConfigureAwait(false));
    }

    private static ByteString RequireName(EtcdBytes name)
        => name.IsEmpty ? throw new ArgumentException("An election name is required.", nameof(name)) : name.ToByteString();

    /// <summary>Runs a unary call, turning the Election service's own errors into their typed exceptions.</summary>
    private async Task<TResponse> CallAsync<TRequest, TResponse>(GrpcMethod<TRequest, TResponse> method, TRequest request, TimeSpan timeout, CancellationToken cancellationToken)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        try
        {
            return await _invoker.UnaryAsync(method, request, timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (EtcdException e) when (ElectionErrors.Map(e) is { } typed)
        {
            throw typed;
        }
    }
}
