namespace EtcdNet.Watch;

/// <summary>The endpoints that said "no leader" since a watch stream last answered, and since when.</summary>
internal sealed class NoLeaderWindow
{
    private ulong _from;
    private long _since;

    /// <summary>Records a "no leader" from the endpoint in slot <paramref name="index"/>.</summary>
    /// <returns>How long every endpoint of <paramref name="allMask"/> has said so; <see cref="TimeSpan.Zero"/> while some have not.</returns>
    public TimeSpan Add(int index, ulong allMask, TimeProvider time)
    {
        _from |= 1UL << index;
        if (_since == 0)
        {
            _since = time.GetTimestamp();
        }

        return (_from & allMask) == allMask ? time.GetElapsedTime(_since) : TimeSpan.Zero;
    }

    public void Reset() => (_from, _since) = (0, 0);
}
