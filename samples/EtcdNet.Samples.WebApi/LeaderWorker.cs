using EtcdNet.Concurrency;

namespace EtcdNet.Samples.WebApi;

/// <summary>
/// A background worker that runs on one instance only: every instance campaigns in the same election, the
/// leader counts ticks into an etcd key, and when it stops (or loses its session) another instance takes over.
/// </summary>
public sealed partial class LeaderWorker(EtcdClient client, ILogger<LeaderWorker> logger) : BackgroundService
{
    public const string ElectionName = "/sample/worker-election";
    public const string CounterKey = "/sample/worker-ticks";

    /// <summary>This instance's name in the election.</summary>
    public string InstanceName { get; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>True while this instance leads.</summary>
    public bool IsLeader { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var session = await EtcdSession.CreateAsync(client, TimeSpan.FromSeconds(10), cancellationToken: stoppingToken);
                var election = new EtcdElection(session, ElectionName);
                await election.CampaignAsync(InstanceName, stoppingToken);
                IsLeader = true;
                LogLeading(InstanceName);
                using var work = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, session.Lost);
                try
                {
                    await DoLeaderWorkAsync(work.Token);
                }
                catch (OperationCanceledException) when (work.IsCancellationRequested)
                {
                }
                finally
                {
                    IsLeader = false;
                }

                if (!session.Lost.IsCancellationRequested)
                {
                    using var resign = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    await election.ResignAsync(resign.Token);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (EtcdException e)
            {
                LogRetry(e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private async Task DoLeaderWorkAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        var ticks = 0L;
        do
        {
            ticks++;
            await client.PutAsync(CounterKey, $"{InstanceName}: {ticks}", cancellationToken: cancellationToken);
        }
        while (await timer.WaitForNextTickAsync(cancellationToken));
    }

    [LoggerMessage(1, LogLevel.Information, "{Instance} leads the worker election and starts working")]
    private partial void LogLeading(string instance);

    [LoggerMessage(2, LogLevel.Warning, "Worker election failed ({Reason}); campaigning again in 1 s")]
    private partial void LogRetry(string reason);
}
