namespace EtcdNet;

/// <summary>An alarm raised on one member (etcd's <c>AlarmMember</c>).</summary>
/// <param name="MemberId">The ID of the member the alarm is raised on.</param>
/// <param name="Alarm">The kind of alarm.</param>
public readonly record struct AlarmMember(ulong MemberId, AlarmType Alarm)
{
    internal static AlarmMember From(Protocol.Rpc.AlarmMember alarm) => new(alarm.MemberID, (AlarmType)alarm.Alarm);
}
