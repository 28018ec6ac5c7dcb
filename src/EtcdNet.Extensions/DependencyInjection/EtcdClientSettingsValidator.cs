using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace EtcdNet.Extensions;

/// <summary>
/// Checks the settings of one named client and reports each problem with the configuration path
/// of the setting (for example <c>Etcd:DialTimeout</c>), so that a bad section fails at start. The rules are the
/// client's own (<see cref="EtcdClientOptions.FindProblems"/>); this adds the TLS files, which it reads.
/// </summary>
internal sealed class EtcdClientSettingsValidator(string clientName, string path) : IValidateOptions<EtcdClientSettings>
{
    public ValidateOptionsResult Validate(string? name, EtcdClientSettings options)
    {
        if (!string.Equals(name ?? Options.DefaultName, clientName, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        var fileFailures = new List<string>();
        var tls = options.Tls is { } settings ? LoadTls(settings, fileFailures) : null;
        try
        {
            var failures = (options.ToOptionsWithoutTls() with { Tls = tls })
                .FindProblems()
                .Select(problem => $"{path}:{SettingPath(problem.Setting)}: {problem.Message}")
                .Concat(fileFailures)
                .ToList();
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
        finally
        {
            tls?.ClientCertificate?.Dispose();
            foreach (var ca in tls?.TrustedCertificateAuthorities ?? [])
            {
                ca.Dispose();
            }
        }
    }

    /// <summary>The configuration key of a client option: the TLS certificates come from the file settings.</summary>
    private static string SettingPath(string setting) => setting switch
    {
        "Tls:ClientCertificate" => "Tls:CertFile",
        "Tls:TrustedCertificateAuthorities" => "Tls:CaFile",
        _ => setting,
    };

    /// <summary>
    /// The TLS options as the client will have them, with the certificates read from their files; when a file is
    /// missing or unreadable (reported in <paramref name="failures"/>), the other TLS settings alone, so that they are checked too.
    /// </summary>
    private EtcdTlsOptions LoadTls(EtcdTlsSettings tls, List<string> failures)
    {
        var key = $"{path}:{nameof(EtcdClientSettings.Tls)}";
        if (tls.KeyFile is not null && tls.CertFile is null)
        {
            failures.Add($"{key}:{nameof(tls.KeyFile)}: needs {key}:{nameof(tls.CertFile)}");
        }

        FileExists(tls.CaFile, $"{key}:{nameof(tls.CaFile)}", failures);
        FileExists(tls.CertFile, $"{key}:{nameof(tls.CertFile)}", failures);
        FileExists(tls.KeyFile, $"{key}:{nameof(tls.KeyFile)}", failures);
        var withoutFiles = new EtcdTlsOptions { ServerName = tls.ServerName, SkipServerCertificateValidation = tls.SkipVerify };
        if (failures.Count > 0)
        {
            return withoutFiles;
        }

        try
        {
            return tls.ToOptions();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or CryptographicException or ArgumentException or InvalidOperationException)
        {
            failures.Add($"{key}: the certificate files could not be read: {e.Message}");
            return withoutFiles;
        }
    }

    private static void FileExists(string? file, string key, List<string> failures)
    {
        if (file is not null && !File.Exists(file))
        {
            failures.Add($"{key}: the file '{file}' does not exist");
        }
    }
}
