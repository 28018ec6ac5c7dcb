using EtcdNet.Cli.Commands;

namespace EtcdNet.Cli.Bench;

/// <summary>The connections of a run: <c>--conns</c> clients, each its own connection, optionally only to the leader.</summary>
internal sealed class BenchConnections : IAsyncDisposable
{
    private readonly EtcdClient[] _clients;

    private BenchConnections(EtcdClient[] clients) => _clients = clients;

    public IReadOnlyList<EtcdClient> Clients => _clients;

    /// <summary>Creates <paramref name="count"/> clients for the global settings and checks that each can reach etcd.</summary>
    public static async Task<BenchConnections> OpenAsync(CommandContext context, int count, bool targetLeader)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.Settings.ToClientOptions();
        if (targetLeader)
        {
            using var timeout = context.CommandTimeout();
            var leader = await context.Client.Cluster.MemberLeaderAsync(timeout.Token);
            options = options with { Endpoints = [.. leader.ClientUrls] };
        }

        var clients = Enumerable.Range(0, count).Select(_ => new EtcdClient(options)).ToArray();
        var connections = new BenchConnections(clients);
        try
        {
            using var timeout = context.CommandTimeout();
            await Task.WhenAll(clients.Select(c => c.GetAsync("\0", new GetOptions { CountOnly = true }, timeout.Token)));
        }
        catch
        {
            await connections.DisposeAsync();
            throw;
        }

        return connections;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }
    }
}
