using EtcdNet.Concurrency;
using EtcdNet.RobustnessTests.Checking;

namespace EtcdNet.RobustnessTests.Workload;

/// <summary>Takes the run's mutex again and again and, while holding it, writes the fence key in a txn guarded by its lock key.</summary>
public sealed class LockWorker(int clientId, EtcdClient client, History history, Random random)
{
    public const string LockName = "r/lock";
    public const string FenceKey = "r/fence";

    public int FencedWrites { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var sequence = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var session = await EtcdSession.CreateAsync(client, TimeSpan.FromSeconds(5), cancellationToken: cancellationToken);
                while (!cancellationToken.IsCancellationRequested && !session.Lost.IsCancellationRequested)
                {
                    await using var held = await session.LockAsync(LockName, cancellationToken);
                    for (var i = 0; i < 3; i++)
                    {
                        var txn = await client.Txn()
                            .If(Compare.CreateRevision(held.Key, CompareOp.Equal, held.Revision))
                            .Then(Op.Put(FenceKey, FenceChecker.Value(held.Revision, clientId, sequence++)))
                            .CommitAsync(cancellationToken);
                        if (!txn.Succeeded)
                        {
                            break; // the lock is gone (session expired): the guard kept the write out
                        }

                        FencedWrites++;
                        await Task.Delay(random.Next(5, 50), cancellationToken);
                    }
                }
            }
            catch (Exception e) when (e is EtcdException or EtcdSessionExpiredException or TimeoutException or OperationCanceledException)
            {
                // a fault (the session's lease may have ended while waiting): take a new session and try again
            }
            catch (Exception e)
            {
                history.AddUnexpected($"lock worker {clientId}", e);
            }
        }
    }
}
