using System.Globalization;
using Microsoft.Extensions.Options;

namespace EtcdNet.Extensions;

/// <summary>
/// Checks the settings of one named client and reports each problem with the configuration path
/// of the setting (for example <c>Etcd:DialTimeout</c>), so that a bad section fails at start.
/// </summary>
internal sealed class EtcdClientSettingsValidator(string clientName, string path) : IValidateOptions<EtcdClientSettings>
{
    private const int MaxEndpoints = 64;
    private static readonly TimeSpan MinKeepAliveTime = EtcdClientOptions.MinKeepAliveTime;
    private static readonly TimeSpan MaxTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1.0);

    public ValidateOptionsResult Validate(string? name, EtcdClientSettings options)
    {
        if (!string.Equals(name ?? Options.DefaultName, clientName, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        ValidateEndpoints(options.Endpoints, failures);
        Positive(options.DialTimeout, nameof(options.DialTimeout), failures);
        if (options.RequestTimeout != Timeout.InfiniteTimeSpan)
        {
            Positive(options.RequestTimeout, nameof(options.RequestTimeout), failures);
        }

        if (options.KeepAliveTime is { } keepAlive && keepAlive < MinKeepAliveTime)
        {
            failures.Add($"{path}:{nameof(options.KeepAliveTime)} must be at least 5 s (etcd closes connections that ping more often), got {keepAlive}");
        }

        Positive(options.KeepAliveTimeout, nameof(options.KeepAliveTimeout), failures);
        Positive(options.AutoSyncInterval, nameof(options.AutoSyncInterval), failures);
        AtLeast(options.MaxSendMessageSize, 1024, nameof(options.MaxSendMessageSize), failures);
        AtLeast(options.MaxReceiveMessageSize, 1024, nameof(options.MaxReceiveMessageSize), failures);
        AtLeast(options.MaxAttempts, 1, nameof(options.MaxAttempts), failures);
        if (options.DefaultTtl is { } ttl && (ttl < TimeSpan.FromSeconds(1) || ttl.Ticks % TimeSpan.TicksPerSecond != 0))
        {
            failures.Add($"{path}:{nameof(options.DefaultTtl)} must be a whole number of seconds, at least 1 s, got {ttl}");
        }

        if ((options.Username is null) != (options.Password is null) || options.Username is { Length: 0 })
        {
            failures.Add($"{path}:{nameof(options.Username)} and {path}:{nameof(options.Password)} must both be set (Username not empty), or neither");
        }

        if (options.Tls is { } tls)
        {
            ValidateTls(tls, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void ValidateEndpoints(IList<string> endpoints, List<string> failures)
    {
        var key = $"{path}:{nameof(EtcdClientSettings.Endpoints)}";
        if (endpoints.Count == 0)
        {
            failures.Add($"{key}: at least one endpoint is required");
            return;
        }

        if (endpoints.Count > MaxEndpoints)
        {
            failures.Add($"{key}: at most {MaxEndpoints} endpoints are supported, got {endpoints.Count}");
        }

        for (var i = 0; i < endpoints.Count; i++)
        {
            if (!IsValidEndpoint(endpoints[i]))
            {
                failures.Add($"{key}:{i.ToString(CultureInfo.InvariantCulture)}: '{endpoints[i]}' is not a valid etcd endpoint: use http://host:port, https://host:port or host:port");
            }
        }
    }

    // The client's own rules: http or https, or a bare host:port (plain text); no path or query.
    private static bool IsValidEndpoint(string? endpoint)
    {
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return false;
        }

        var text = endpoint.Trim();
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "http://" + text;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && uri.Host.Length > 0
            && uri.AbsolutePath.Length <= 1
            && uri.Query.Length == 0;
    }

    private void ValidateTls(EtcdTlsSettings tls, List<string> failures)
    {
        var key = $"{path}:{nameof(EtcdClientSettings.Tls)}";
        if (tls.KeyFile is not null && tls.CertFile is null)
        {
            failures.Add($"{key}:{nameof(tls.KeyFile)} needs {key}:{nameof(tls.CertFile)}");
        }

        FileExists(tls.CaFile, $"{key}:{nameof(tls.CaFile)}", failures);
        FileExists(tls.CertFile, $"{key}:{nameof(tls.CertFile)}", failures);
        FileExists(tls.KeyFile, $"{key}:{nameof(tls.KeyFile)}", failures);
        if (tls.ServerName is { } serverName && Uri.CheckHostName(serverName) is UriHostNameType.Unknown)
        {
            failures.Add($"{key}:{nameof(tls.ServerName)}: '{serverName}' is not a host name or IP address");
        }
    }

    private static void FileExists(string? file, string key, List<string> failures)
    {
        if (file is not null && !File.Exists(file))
        {
            failures.Add($"{key}: the file '{file}' does not exist");
        }
    }

    private void Positive(TimeSpan? value, string setting, List<string> failures)
    {
        if (value is not { } v)
        {
            return;
        }

        if (v <= TimeSpan.Zero)
        {
            failures.Add($"{path}:{setting} must be positive, got {v}");
        }
        else if (v > MaxTimer)
        {
            failures.Add($"{path}:{setting} must be at most 49 days, got {v}");
        }
    }

    private void AtLeast(int? value, int minimum, string setting, List<string> failures)
    {
        if (value is { } v && v < minimum)
        {
            failures.Add($"{path}:{setting} must be at least {minimum.ToString(CultureInfo.InvariantCulture)}, got {v.ToString(CultureInfo.InvariantCulture)}");
        }
    }
}
