namespace EtcdNet;

/// <summary>etcd's maintenance API: status, defragmentation, alarms, hashes, snapshots, leader transfer and the server version.</summary>
public interface IMaintenanceClient
{
}
