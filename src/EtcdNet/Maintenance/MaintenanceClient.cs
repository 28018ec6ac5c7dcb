using EtcdNet.Resilience;

namespace EtcdNet.Maintenance;

/// <summary>The Maintenance service client.</summary>
internal sealed class MaintenanceClient : IMaintenanceClient
{
    private readonly RpcInvoker _invoker;

    public MaintenanceClient(RpcInvoker invoker) => _invoker = invoker;
}
