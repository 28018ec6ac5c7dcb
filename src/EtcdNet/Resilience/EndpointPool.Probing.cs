using EtcdNet.Transport;

namespace EtcdNet.Resilience;

/// <summary>The background checks that let a set-aside endpoint back into the rotation.</summary>
internal sealed partial class EndpointPool
{
    /// <summary>Starts the probe loop of <paramref name="entry"/> unless one runs already.</summary>
    private void StartProbing(Entry entry)
    {
        if (Interlocked.CompareExchange(ref entry.Probing, 1, 0) == 0)
        {
            _ = Task.Run(() => ProbeAsync(entry)); // on the pool, whatever context the failed caller runs on
        }
    }

    /// <summary>
    /// After each backoff, probes the endpoint until it answers (it then rejoins the rotation), a call there
    /// succeeded meanwhile, it was removed from the set, or the pool is disposed.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "Any probe failure only extends the set-aside.")]
    private async Task ProbeAsync(Entry entry)
    {
        var token = _shutdown.Token;
        try
        {
            while (StillOnProbation(entry) && !token.IsCancellationRequested)
            {
                var wait = Volatile.Read(ref entry.SetAsideUntil) - Time.GetTimestamp();
                if (wait > 0)
                {
                    await Task.Delay(TimeSpan.FromSeconds((double)wait / Time.TimestampFrequency), Time, token).ConfigureAwait(false);
                    continue; // the backoff may have been extended meanwhile
                }

                try
                {
                    await Probe!(entry.Endpoint, token).ConfigureAwait(false);
                    Succeeded(entry);
                }
                catch (Exception e) when (!token.IsCancellationRequested)
                {
                    if (StillOnProbation(entry))
                    {
                        Failed(entry, "probe: " + e.Message); // unless a call there succeeded meanwhile, or it was removed
                    }
                }
            }
        }
        catch (Exception) when (token.IsCancellationRequested)
        {
            // the client is closing (its transport may be gone already)
        }
        finally
        {
            Interlocked.Exchange(ref entry.Probing, 0); // a full fence: the probation check below cannot move before it
            if (StillOnProbation(entry) && !token.IsCancellationRequested)
            {
                StartProbing(entry); // a failure arrived as this loop ended
            }
        }
    }

    /// <summary>True while a probe loop runs for the endpoint in slot <paramref name="index"/>.</summary>
    internal bool IsProbing(int index) => _set.Find(index) is { } entry && Volatile.Read(ref entry.Probing) == 1;

    private bool StillOnProbation(Entry entry) => Volatile.Read(ref entry.OnProbation) && ReferenceEquals(_set.Find(entry.Index), entry);
}
