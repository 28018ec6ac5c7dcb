using EtcdNet.Cli.Bench;
using EtcdNet.Cli.Commands;

namespace EtcdNet.Cli.Check;

/// <summary>
/// Runs a check's puts with the bench machinery: one connection per client, each client with one request in flight,
/// progress on stderr. An interrupted run deletes what it wrote before the interruption is reported.
/// </summary>
internal static class CheckLoadRun
{
    /// <summary>Runs <paramref name="load"/> of <paramref name="operation"/>, which writes under <paramref name="prefix"/>.</summary>
    public static async Task<BenchResult> RunAsync(CommandContext context, string name, BenchLoad load, BenchOperation operation, string prefix)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(load);
        try
        {
            await using var connections = await BenchConnections.OpenAsync(context, load.Clients, targetLeader: false);
            var result = await new BenchRunner(load, context.Console).RunAsync(name, connections.Clients, operation, context.CancellationToken);
            context.CancellationToken.ThrowIfCancellationRequested(); // workers between two requests stop without an exception
            return result;
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            await CheckKeyspace.DeleteQuietlyAsync(context, prefix);
            throw;
        }
    }
}
