namespace EtcdNet.Extensions;

/// <summary>
/// TLS settings as they appear in configuration (file paths rather than certificates); turned into
/// <see cref="EtcdTlsOptions"/> when the client is created.
/// </summary>
public sealed class EtcdTlsSettings
{
    /// <summary>A PEM file with the CA certificates to trust (<c>etcdctl --cacert</c>). Default: null, the system trust store.</summary>
    public string? CaFile { get; set; }

    /// <summary>A PEM file with the client certificate (<c>etcdctl --cert</c>). Default: null, none.</summary>
    public string? CertFile { get; set; }

    /// <summary>A PEM file with the client certificate's unencrypted private key (<c>etcdctl --key</c>); null when it is in <see cref="CertFile"/>.</summary>
    public string? KeyFile { get; set; }

    /// <summary>The name the server certificate must be valid for, instead of each endpoint's host. Default: null.</summary>
    public string? ServerName { get; set; }

    /// <summary>INSECURE: accept any server certificate (<c>etcdctl --insecure-skip-tls-verify</c>); for throwaway test setups only. Default: false.</summary>
    public bool SkipVerify { get; set; }

    /// <summary>Loads the files and builds the client's TLS options.</summary>
    /// <returns>The TLS options.</returns>
    public EtcdTlsOptions ToOptions() =>
        EtcdTlsOptions.FromPemFiles(CaFile, CertFile, KeyFile) with
        {
            ServerName = ServerName,
            SkipServerCertificateValidation = SkipVerify,
        };
}
