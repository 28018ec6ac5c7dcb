using EtcdNet;
using EtcdNet.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="EtcdClient"/>s in a service collection.</summary>
public static class EtcdServiceCollectionExtensions
{
    /// <summary>
    /// Registers the unnamed <see cref="EtcdClient"/>, a singleton disposed with the container, with
    /// settings bound from <paramref name="section"/> (see <see cref="EtcdClientSettings"/>). The
    /// settings are validated when the host starts: a missing endpoint, a malformed URL or a timeout
    /// that is not positive fails the start with an <see cref="OptionsValidationException"/> naming the setting.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The configuration section, e.g. <c>configuration.GetSection("Etcd")</c>.</param>
    /// <returns>The options builder of the settings, to configure them further.</returns>
    public static OptionsBuilder<EtcdClientSettings> AddEtcdClient(this IServiceCollection services, IConfiguration section) =>
        AddEtcdClient(services, Options.Options.DefaultName, section);

    /// <summary>
    /// Registers the <see cref="EtcdClient"/> named <paramref name="name"/>, reached through
    /// <see cref="IEtcdClientFactory.Get"/>, with settings bound from <paramref name="section"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name; <see cref="string.Empty"/> registers the unnamed client, also resolvable as <see cref="EtcdClient"/>.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The options builder of the settings, to configure them further.</returns>
    public static OptionsBuilder<EtcdClientSettings> AddEtcdClient(this IServiceCollection services, string name, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var path = section is IConfigurationSection s ? s.Path : "Etcd";
        return AddCore(services, name, path).Bind(section);
    }

    /// <summary>Registers the unnamed <see cref="EtcdClient"/> with settings made in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the settings; validation messages name them <c>Etcd:...</c>.</param>
    /// <returns>The options builder of the settings.</returns>
    public static OptionsBuilder<EtcdClientSettings> AddEtcdClient(this IServiceCollection services, Action<EtcdClientSettings> configure) =>
        AddEtcdClient(services, Options.Options.DefaultName, configure);

    /// <summary>Registers the <see cref="EtcdClient"/> named <paramref name="name"/> with settings made in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name.</param>
    /// <param name="configure">Sets the settings; validation messages name them <c>Etcd:...</c> (<c>Etcd:name:...</c> for a named client).</param>
    /// <returns>The options builder of the settings.</returns>
    public static OptionsBuilder<EtcdClientSettings> AddEtcdClient(this IServiceCollection services, string name, Action<EtcdClientSettings> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return AddCore(services, name, name.Length == 0 ? "Etcd" : "Etcd:" + name).Configure(configure);
    }

    private static OptionsBuilder<EtcdClientSettings> AddCore(IServiceCollection services, string name, string path)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        if (services.Any(d => d.ServiceType == typeof(EtcdClientRegistration) && d.ImplementationInstance is EtcdClientRegistration r && r.Name == name))
        {
            throw new InvalidOperationException($"An etcd client named '{name}' is already registered.");
        }

        services.AddSingleton(new EtcdClientRegistration(name));
        services.AddSingleton<IValidateOptions<EtcdClientSettings>>(new EtcdClientSettingsValidator(name, path));
        services.TryAddSingleton<EtcdClientFactory>();
        services.TryAddSingleton<IEtcdClientFactory>(sp => sp.GetRequiredService<EtcdClientFactory>());
        if (name.Length == 0)
        {
            // The factory owns the client and disposes it; resolving it here adds no second owner that matters (disposal is idempotent).
            services.TryAddSingleton(sp => sp.GetRequiredService<IEtcdClientFactory>().Get(Options.Options.DefaultName));
        }

        return services.AddOptions<EtcdClientSettings>(name).ValidateOnStart();
    }
}
