namespace EtcdNet.RobustnessTests.Checking;

/// <summary>
/// One lease as a client kept it: the key it put with the lease, whether the client signalled the lease lost, and how
/// the client's revoke ended (its revision, or null when it failed), when the lost signal fired and when the revoke
/// was sent (<see cref="System.Diagnostics.Stopwatch"/> ticks).
/// </summary>
public sealed record LeaseRecord(int Client, long LeaseId, string Key, bool LostSignalled, long? RevokeRevision, string? RevokeError, long? LostAt = null, long RevokeCall = long.MaxValue);
