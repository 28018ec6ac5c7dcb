namespace EtcdNet;

/// <summary>etcd's authentication API: enable and disable auth, and manage users, roles and permissions.</summary>
public interface IAuthClient
{
}
