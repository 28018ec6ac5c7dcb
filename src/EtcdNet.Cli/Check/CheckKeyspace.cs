using System.Globalization;
using EtcdNet.Cli.Commands;
using EtcdNet.Cli.Errors;
using EtcdNet.Cli.Output;

namespace EtcdNet.Cli.Check;

/// <summary>
/// The keys of a check: it runs only on an empty prefix, and afterwards deletes the prefix and, when asked, compacts
/// at the delete's revision and defragments every endpoint, printing what etcdctl prints for each step.
/// </summary>
internal static class CheckKeyspace
{
    /// <summary>How long each clean-up call may take (etcdctl's fixed 30 s, not the command timeout).</summary>
    public static readonly TimeSpan CleanupTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Fails (exit 3) when a key starts with <paramref name="prefix"/>.</summary>
    public static async Task EnsureEmptyAsync(CommandContext context, string prefix)
    {
        ArgumentNullException.ThrowIfNull(context);
        GetResponse response;
        using (var timeout = context.CommandTimeout())
        {
            response = await context.Client.GetAsync(prefix, new GetOptions { Prefix = true, Limit = 1, KeysOnly = true }, timeout.Token);
        }

        if (response.Kvs.Count > 0)
        {
            throw CliException.InvalidInput($"prefix {GoQuote.Quote(prefix)} has keys. Delete with etcdctl del --prefix {prefix} first");
        }
    }

    /// <summary>
    /// Deletes every key under <paramref name="prefix"/>; then, with <paramref name="compact"/>, compacts the history
    /// up to the delete ("Compacting with revision N", "Compacted with revision N") and, with <paramref name="defrag"/>,
    /// defragments each endpoint ("Defragmenting "ep"", "Defragmented "ep"").
    /// </summary>
    public static async Task CleanUpAsync(CommandContext context, string prefix, bool compact, bool defrag)
    {
        ArgumentNullException.ThrowIfNull(context);
        var revision = await DeleteAsync(context, prefix, context.CancellationToken);
        var output = context.Console.Out;
        if (compact)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Compacting with revision {revision}"));
            using (var timeout = CleanupDeadline(context.CancellationToken))
            {
                await context.Client.CompactAsync(revision, physical: true, timeout.Token);
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Compacted with revision {revision}"));
        }

        if (defrag)
        {
            foreach (var endpoint in context.Settings.Endpoints)
            {
                await output.WriteLineAsync($"Defragmenting {GoQuote.Quote(endpoint)}");
                using (var timeout = CleanupDeadline(context.CancellationToken))
                {
                    await context.Client.Maintenance.DefragmentAsync(context.Settings.Url(endpoint), timeout.Token);
                }

                await output.WriteLineAsync($"Defragmented {GoQuote.Quote(endpoint)}");
            }
        }
    }

    /// <summary>
    /// Deletes the keys a run wrote when it cannot finish (interrupted, or memory not readable afterwards), ignoring
    /// <see cref="CommandContext.CancellationToken"/> so that an interrupted check still leaves the prefix empty.
    /// A failure here is not reported: the command is already failing for its own reason.
    /// </summary>
    public static async Task DeleteQuietlyAsync(CommandContext context, string prefix)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await DeleteAsync(context, prefix, CancellationToken.None);
        }
        catch (Exception e) when (e is EtcdException or TimeoutException or OperationCanceledException)
        {
            // Left as is: the next check on this prefix says how to delete them.
        }
    }

    private static async Task<long> DeleteAsync(CommandContext context, string prefix, CancellationToken cancellationToken)
    {
        using var timeout = CleanupDeadline(cancellationToken);
        var response = await context.Client.DeleteAsync(prefix, new DeleteOptions { Prefix = true }, timeout.Token);
        return response.Header.Revision;
    }

    private static CancellationTokenSource CleanupDeadline(CancellationToken cancellationToken)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        source.CancelAfter(CleanupTimeout);
        return source;
    }
}
