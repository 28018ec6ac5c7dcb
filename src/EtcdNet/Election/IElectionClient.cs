namespace EtcdNet;

/// <summary>etcd's Election service (v3electionpb): campaign for leadership, proclaim values, observe and resign.</summary>
public interface IElectionClient
{
}
