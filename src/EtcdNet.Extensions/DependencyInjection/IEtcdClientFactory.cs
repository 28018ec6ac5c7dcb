namespace EtcdNet.Extensions;

/// <summary>
/// Gives the <see cref="EtcdClient"/> registered under a name with
/// <c>services.AddEtcdClient(name, ...)</c>. Each name has one client, created on first use from the
/// settings at that moment and shared; the factory disposes the clients when the container is disposed.
/// </summary>
public interface IEtcdClientFactory
{
    /// <summary>Gets the client registered under <paramref name="name"/>, creating it on first use.</summary>
    /// <param name="name">The name given to <c>AddEtcdClient</c>; <see cref="string.Empty"/> for the unnamed client.</param>
    /// <returns>The shared client of that name.</returns>
    /// <exception cref="InvalidOperationException">No client is registered under <paramref name="name"/>.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The client's settings are invalid.</exception>
    /// <exception cref="ObjectDisposedException">The container, and with it the factory, is disposed.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Justification = "Get(name) as IOptionsMonitor<T>.Get(name); Visual Basic callers can still call it.")]
    EtcdClient Get(string name);
}
