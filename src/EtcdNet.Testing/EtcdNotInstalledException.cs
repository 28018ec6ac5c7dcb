namespace EtcdNet.Testing;

/// <summary>
/// Thrown by <see cref="EtcdCluster.StartAsync(EtcdClusterOptions?, CancellationToken)"/> when no etcd
/// binary can be found. The message says how to install one.
/// </summary>
public sealed class EtcdNotInstalledException : Exception
{
    /// <summary>The installation hint that ends every message of this exception.</summary>
    public const string InstallHint =
        "Install it with: sudo apt-get install -y etcd-server etcd-client (Debian/Ubuntu), or download a release from https://github.com/etcd-io/etcd/releases and set ETCD_BINARY to the etcd binary.";

    /// <summary>The message used when etcd is neither configured nor on PATH.</summary>
    public const string NotFoundMessage = "etcd was not found on PATH and ETCD_BINARY is not set. " + InstallHint;

    /// <summary>Creates the exception with <see cref="NotFoundMessage"/>.</summary>
    public EtcdNotInstalledException()
        : base(NotFoundMessage)
    {
    }

    /// <summary>Creates the exception with a custom message.</summary>
    /// <param name="message">The message.</param>
    public EtcdNotInstalledException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a custom message and the failure that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The underlying failure.</param>
    public EtcdNotInstalledException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal static string ConfiguredPathMissingMessage(string path, string source) =>
        $"etcd was not found at '{path}' (set by {source}). {InstallHint}";
}
