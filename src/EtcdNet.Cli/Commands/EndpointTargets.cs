using EtcdNet.Cli.Errors;

namespace EtcdNet.Cli.Commands;

/// <summary>The endpoints a per-endpoint command (endpoint …, defrag) visits: --endpoints as given, or with --cluster every member's client URLs.</summary>
internal static class EndpointTargets
{
    public static async Task<IReadOnlyList<string>> ResolveAsync(CommandContext context, bool cluster)
    {
        if (!cluster)
        {
            return context.Settings.Endpoints;
        }

        try
        {
            using var timeout = context.CommandTimeout();
            var members = await context.Client.Cluster.MemberListAsync(timeout.Token);
            return [.. members.Members.SelectMany(m => m.ClientUrls)];
        }
        catch (Exception e) when (e is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
        {
            throw new CliException($"failed to fetch endpoints from etcd cluster member list: {MaintenanceErrors.Message(e)}", e);
        }
    }

    /// <summary>The URL the client dials for <paramref name="endpoint"/> (<see cref="Global.GlobalSettings.Url"/>).</summary>
    public static string Url(CommandContext context, string endpoint) => context.Settings.Url(endpoint);
}
