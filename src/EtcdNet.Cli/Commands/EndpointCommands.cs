using System.CommandLine;
using System.Diagnostics;
using EtcdNet.Cli.Errors;
using EtcdNet.Cli.Output;

namespace EtcdNet.Cli.Commands;

/// <summary>The endpoint commands: health, status and hashkv of each endpoint (or, with --cluster, of every member).</summary>
internal static class EndpointCommands
{
    public static Command Create(CommandActions actions)
    {
        var cluster = new Option<bool>("--cluster") { Description = "use all endpoints from the cluster member list", Recursive = true };
        return new Command("endpoint", "Endpoint related commands")
        {
            cluster,
            Health(actions, cluster),
            Status(actions, cluster),
            HashKv(actions, cluster),
        };
    }

    private static Command Health(CommandActions actions, Option<bool> cluster)
    {
        var command = new Command("health", "Checks the healthiness of endpoints specified in `--endpoints` flag");
        actions.Set(command, async context =>
        {
            var endpoints = await EndpointTargets.ResolveAsync(context, context.Get(cluster));
            var checks = endpoints.Select(endpoint => CheckAsync(context, endpoint)).ToList();
            var results = new List<EndpointHealthResult>(checks.Count);
            while (checks.Count > 0)
            {
                // In the order the checks finish, as etcdctl collects them.
                var done = await Task.WhenAny(checks);
                checks.Remove(done);
                results.Add(await done);
            }

            EndpointPrinter.Health(context, results);
            if (results.Any(r => r.Error.Length > 0))
            {
                throw new CliException("unhealthy cluster");
            }
        });
        return command;
    }

    // A read of one key through a client of this endpoint alone; permission denied still proves a working member.
    private static async Task<EndpointHealthResult> CheckAsync(CommandContext context, string endpoint)
    {
        EtcdClient client;
        try
        {
            client = new EtcdClient(context.Settings.ToClientOptions() with { Endpoints = [EndpointTargets.Url(context, endpoint)] });
        }
        catch (Exception e) when (e is ArgumentException or CliException)
        {
            return new EndpointHealthResult(endpoint, false, string.Empty, MaintenanceErrors.Message(e));
        }

        await using (client)
        {
            var started = Stopwatch.GetTimestamp();
            string error;
            try
            {
                using var timeout = context.CommandTimeout();
                await client.GetAsync("health", null, timeout.Token);
                error = string.Empty;
            }
            catch (EtcdPermissionDeniedException)
            {
                error = string.Empty;
            }
            catch (Exception e) when (e is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
            {
                error = MaintenanceErrors.Message(e);
            }

            var took = GoDurationText.Format(Stopwatch.GetElapsedTime(started));
            return new EndpointHealthResult(endpoint, error.Length == 0, took, error);
        }
    }

    private static Command Status(CommandActions actions, Option<bool> cluster)
    {
        var command = new Command("status", "Prints out the status of endpoints specified in `--endpoints` flag");
        actions.Set(command, async context =>
        {
            var results = new List<EndpointStatusResult>();
            var failed = false;
            foreach (var endpoint in await EndpointTargets.ResolveAsync(context, context.Get(cluster)))
            {
                try
                {
                    using var timeout = context.CommandTimeout();
                    results.Add(new EndpointStatusResult(endpoint, await context.Client.Maintenance.StatusAsync(EndpointTargets.Url(context, endpoint), timeout.Token)));
                }
                catch (Exception e) when (e is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
                {
                    failed = true;
                    await context.Console.Error.WriteLineAsync($"Failed to get the status of endpoint {endpoint} ({MaintenanceErrors.Message(e)})");
                }
            }

            EndpointPrinter.Status(context, results);
            return failed ? ExitCodes.Error : ExitCodes.Success;
        });
        return command;
    }

    private static Command HashKv(CommandActions actions, Option<bool> cluster)
    {
        var revision = new Option<long>("--rev") { Description = "maximum revision to hash (default: all revisions)" };
        var command = new Command("hashkv", "Prints the KV history hash for each endpoint in --endpoints") { revision };
        actions.Set(command, async context =>
        {
            var results = new List<EndpointHashKvResult>();
            Exception? failure = null;
            foreach (var endpoint in await EndpointTargets.ResolveAsync(context, context.Get(cluster)))
            {
                try
                {
                    using var timeout = context.CommandTimeout();
                    results.Add(new EndpointHashKvResult(endpoint, await context.Client.Maintenance.HashKvAsync(EndpointTargets.Url(context, endpoint), context.Get(revision), timeout.Token)));
                }
                catch (Exception e) when (e is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
                {
                    failure = e;
                    await context.Console.Error.WriteLineAsync($"Failed to get the hash of endpoint {endpoint} ({MaintenanceErrors.Message(e)})");
                }
            }

            EndpointPrinter.HashKv(context, results);
            if (failure is not null)
            {
                throw MaintenanceErrors.Wrap(failure);
            }
        });
        return command;
    }
}
