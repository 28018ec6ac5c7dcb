namespace EtcdNet;

/// <summary>
/// Settings for the calls made inside a scope, on the current async flow only (as a Go context carries them from
/// a caller to the calls it makes): for one call or a block of them, where a client option would set them for all.
/// </summary>
public static class EtcdCallScope
{
    private static readonly AsyncLocal<bool> LeaderRequired = new();

    /// <summary>True inside a <see cref="RequireLeader"/> scope.</summary>
    internal static bool IsLeaderRequired => LeaderRequired.Value;

    /// <summary>
    /// Makes every unary call started inside the returned scope require a leader, as
    /// <see cref="EtcdClientOptions.RequireLeader"/> does for every call of a client: a member without a leader
    /// refuses it at once with <see cref="EtcdNoLeaderException"/>. Dispose the scope to end it.
    /// </summary>
    /// <example>
    /// <code>
    /// using (EtcdCallScope.RequireLeader())
    /// {
    ///     await client.PutAsync("config/mode", "read-only");
    /// }
    /// </code>
    /// </example>
    /// <returns>The scope; disposing it restores what was in force before.</returns>
    public static IDisposable RequireLeader()
    {
        var previous = LeaderRequired.Value;
        LeaderRequired.Value = true;
        return new Restore(previous);
    }

    private sealed class Restore(bool previous) : IDisposable
    {
        public void Dispose() => LeaderRequired.Value = previous;
    }
}
