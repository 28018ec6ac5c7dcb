namespace EtcdNet;

/// <summary>The result of listing or disarming alarms (etcd Alarm).</summary>
public sealed class AlarmResponse
{
    internal AlarmResponse(Protocol.Rpc.AlarmResponse response)
        : this(ResponseHeader.From(response.Header), response.Alarms.Select(AlarmMember.From).ToArray())
    {
    }

    internal AlarmResponse(ResponseHeader header, IReadOnlyList<AlarmMember> alarms)
    {
        Header = header;
        Alarms = alarms;
    }

    /// <summary>The response header.</summary>
    public ResponseHeader Header { get; }

    /// <summary>For a list, the alarms currently raised; for a disarm, the alarms that were disarmed.</summary>
    public IReadOnlyList<AlarmMember> Alarms { get; }
}
