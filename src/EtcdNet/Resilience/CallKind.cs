namespace EtcdNet.Resilience;

/// <summary>The kinds of call the <see cref="FailurePolicy"/> tells apart.</summary>
internal enum CallKind
{
    /// <summary>A unary call that is safe to repeat (a read, or a call whose second application changes nothing).</summary>
    Read,
    /// <summary>A unary call that must not be applied twice: it is repeated only when it certainly never left the client.</summary>
    Write,
    /// <summary>A unary call addressed to one member (its status, defragmentation, hashes): never sent elsewhere.</summary>
    Member,
    /// <summary>A long-lived stream (watch, lease keep-alive, election observation): reopened after any end nobody asked for.</summary>
    Stream,
}
