namespace EtcdNet;

/// <summary>etcd's Lock service (v3lockpb): distributed locks held as long as a lease lives.</summary>
public interface ILockClient
{
}
