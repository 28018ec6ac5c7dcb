namespace EtcdNet;

/// <summary>A read of the auth store (a user's roles, the users, a role's permissions, the roles) with its response header.</summary>
/// <typeparam name="T">What was read: names or permissions.</typeparam>
/// <param name="Header">The response header.</param>
/// <param name="Items">The names or permissions, in the order etcd returned them.</param>
public sealed record AuthReadResponse<T>(ResponseHeader Header, IReadOnlyList<T> Items);
