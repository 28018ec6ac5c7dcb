using System.Runtime.CompilerServices;

namespace EtcdNet.Namespace;

/// <summary>The Election service inside a namespace: election names and leader keys get the prefix; everything returned loses it.</summary>
internal sealed class NamespacedElectionClient(IElectionClient inner, KeyPrefix prefix) : IElectionClient
{
    public async Task<LeaderKey> CampaignAsync(EtcdBytes name, long leaseId, EtcdBytes value, CancellationToken cancellationToken = default)
        => Strip(await inner.CampaignAsync(Prefixed(name), leaseId, value, cancellationToken).ConfigureAwait(false));

    public Task<ProclaimResponse> ProclaimAsync(LeaderKey leader, EtcdBytes value, CancellationToken cancellationToken = default)
        => inner.ProclaimAsync(Prefixed(leader), value, cancellationToken);

    public async Task<LeaderResponse> LeaderAsync(EtcdBytes name, CancellationToken cancellationToken = default)
        => Strip(await inner.LeaderAsync(Prefixed(name), cancellationToken).ConfigureAwait(false));

    public IAsyncEnumerable<LeaderResponse> ObserveAsync(EtcdBytes name, CancellationToken cancellationToken = default)
        => StripAll(inner.ObserveAsync(Prefixed(name), cancellationToken), cancellationToken);

    public Task<ResignResponse> ResignAsync(LeaderKey leader, CancellationToken cancellationToken = default)
        => inner.ResignAsync(Prefixed(leader), cancellationToken);

    private async IAsyncEnumerable<LeaderResponse> StripAll(IAsyncEnumerable<LeaderResponse> responses, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var response in responses.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return Strip(response);
        }
    }

    private EtcdBytes Prefixed(EtcdBytes key) => key.IsEmpty ? key : prefix.Add(key.ToByteString()).Memory;

    private LeaderKey Prefixed(LeaderKey leader)
    {
        ArgumentNullException.ThrowIfNull(leader);
        return new LeaderKey(Prefixed(leader.Name), Prefixed(leader.Key), leader.Rev, leader.Lease);
    }

    private LeaderKey Strip(LeaderKey leader) => new(Unprefixed(leader.Name), Unprefixed(leader.Key), leader.Rev, leader.Lease);

    private LeaderResponse Strip(LeaderResponse response) => new(response.Header, response.Kv.WithoutPrefix(prefix));

    private ReadOnlyMemory<byte> Unprefixed(ReadOnlyMemory<byte> key)
        => key.Span.StartsWith(prefix.Value.Span) ? key[prefix.Value.Length..] : key;
}
