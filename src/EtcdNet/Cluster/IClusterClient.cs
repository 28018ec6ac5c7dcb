namespace EtcdNet;

/// <summary>etcd's cluster membership API: list, add (also as learner), remove, update and promote members, and find the leader.</summary>
public interface IClusterClient
{
}
