using EtcdNet.Cluster;
using EtcdNet.Protocol.Rpc;
using EtcdNet.Resilience;

namespace EtcdNet.Maintenance;

/// <summary>The Maintenance service client.</summary>
internal sealed class MaintenanceClient : IMaintenanceClient
{
    private const int MoveLeaderAttempts = 3;

    private readonly RpcInvoker _invoker;

    public MaintenanceClient(RpcInvoker invoker) => _invoker = invoker;

    public async Task<EtcdNet.StatusResponse> StatusAsync(string endpoint, CancellationToken cancellationToken = default)
        => new(await EndpointCall.UnaryAsync(_invoker, EndpointCall.Resolve(_invoker, endpoint), MaintenanceMethods.Status, new StatusRequest(), cancellationToken).ConfigureAwait(false));

    public async Task<EtcdNet.DefragmentResponse> DefragmentAsync(string endpoint, CancellationToken cancellationToken = default)
        => new(await EndpointCall.UnaryAsync(_invoker, EndpointCall.Resolve(_invoker, endpoint), MaintenanceMethods.Defragment, new DefragmentRequest(), cancellationToken).ConfigureAwait(false));

    public async Task<EtcdNet.AlarmResponse> AlarmListAsync(CancellationToken cancellationToken = default)
    {
        var request = new AlarmRequest { Action = AlarmRequest.Types.AlarmAction.Get, MemberID = 0, Alarm = Protocol.Rpc.AlarmType.None };
        return new(await _invoker.UnaryAsync(MaintenanceMethods.Alarm, request, cancellationToken).ConfigureAwait(false));
    }

    public async Task<EtcdNet.AlarmResponse> AlarmDisarmAsync(ulong memberId, EtcdNet.AlarmType alarmType, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(alarmType))
        {
            throw new ArgumentOutOfRangeException(nameof(alarmType), alarmType, "Unknown alarm type.");
        }

        if (memberId == 0 && alarmType == EtcdNet.AlarmType.None)
        {
            return await AlarmDisarmAllAsync(cancellationToken).ConfigureAwait(false);
        }

        var request = new AlarmRequest { Action = AlarmRequest.Types.AlarmAction.Deactivate, MemberID = memberId, Alarm = (Protocol.Rpc.AlarmType)alarmType };
        return new(await _invoker.UnaryAsync(MaintenanceMethods.Alarm, request, cancellationToken).ConfigureAwait(false));
    }

    public async Task<EtcdNet.AlarmResponse> AlarmDisarmAllAsync(CancellationToken cancellationToken = default)
    {
        var raised = await AlarmListAsync(cancellationToken).ConfigureAwait(false);
        var disarmed = new List<AlarmMember>();
        var header = raised.Header;
        foreach (var alarm in raised.Alarms.Where(a => a.MemberId != 0 || a.Alarm != EtcdNet.AlarmType.None))
        {
            var response = await AlarmDisarmAsync(alarm.MemberId, alarm.Alarm, cancellationToken).ConfigureAwait(false);
            header = response.Header;
            disarmed.AddRange(response.Alarms);
        }

        return new EtcdNet.AlarmResponse(header, disarmed);
    }

    public async Task<EtcdNet.HashResponse> HashAsync(string endpoint, CancellationToken cancellationToken = default)
        => new(await EndpointCall.UnaryAsync(_invoker, EndpointCall.Resolve(_invoker, endpoint), MaintenanceMethods.Hash, new HashRequest(), cancellationToken).ConfigureAwait(false));

    public async Task<HashKvResponse> HashKvAsync(string endpoint, long revision = 0, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(revision);
        var request = new HashKVRequest { Revision = revision };
        return new(await EndpointCall.UnaryAsync(_invoker, EndpointCall.Resolve(_invoker, endpoint), MaintenanceMethods.HashKv, request, cancellationToken).ConfigureAwait(false));
    }

    public Task<SnapshotResult> SnapshotAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (!destination.CanWrite)
        {
            throw new ArgumentException("The destination stream is not writable.", nameof(destination));
        }

        return SnapshotDownload.RunAsync(_invoker, destination, cancellationToken);
    }

    public async Task<EtcdNet.MoveLeaderResponse> MoveLeaderAsync(ulong targetMemberId, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var leader = await LeaderFinder.FindAsync(_invoker, cancellationToken).ConfigureAwait(false);
            var endpoint = EndpointCall.Resolve(_invoker, LeaderFinder.ClientUrl(_invoker, leader));
            try
            {
                var request = new MoveLeaderRequest { TargetID = targetMemberId };
                return new(await EndpointCall.UnaryAsync(_invoker, endpoint, MaintenanceMethods.MoveLeader, request, cancellationToken).ConfigureAwait(false));
            }
            catch (EtcdNotLeaderException) when (attempt < MoveLeaderAttempts)
            {
                // Leadership moved between finding the leader and asking it: find it again.
            }
        }
    }

    public Task<VersionResponse> GetServerVersionAsync(CancellationToken cancellationToken = default)
        => VersionProbe.GetAsync(_invoker, cancellationToken);
}
