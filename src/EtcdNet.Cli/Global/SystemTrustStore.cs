using System.Runtime.InteropServices;

namespace EtcdNet.Cli.Global;

/// <summary>
/// Keeps .NET from reading the system's trusted certificates when no connection of this process will use them
/// (every TLS endpoint is checked against a --cacert bundle, or not checked at all).
/// </summary>
/// <remarks>
/// On Linux .NET loads the whole system store (every file in /etc/ssl/certs, about 70 ms) during the first TLS
/// handshake, even when the chain is checked against custom roots only; in a process that makes one call this is most
/// of its run time. It finds the store through OpenSSL's default locations, which the SSL_CERT_FILE and SSL_CERT_DIR
/// variables override; they are set in the process's own environment (through libc, where OpenSSL reads them) before
/// the first connection. Doing without the system store leaves the checks as they are: etcdctl, too, trusts only the
/// --cacert bundle when one is given.
/// </remarks>
internal static partial class SystemTrustStore
{
    private const string FileVariable = "SSL_CERT_FILE";
    private const string DirectoryVariable = "SSL_CERT_DIR";
    private static readonly string Nowhere = Path.Combine(Path.GetTempPath(), "etcdnet-no-system-store");

    /// <summary>True when a connection with these TLS settings never consults the system store.</summary>
    public static bool Unused(GlobalSettings settings) => !settings.UsesTls || settings.CaCert is not null || settings.InsecureSkipTlsVerify;

    /// <summary>
    /// Points OpenSSL's default locations at nothing, in the native environment only: child processes (watch and lock
    /// commands, dev hosts) are started from .NET's own copy of the environment and keep the variables as they were.
    /// Linux only; before any TLS connection.
    /// </summary>
    public static void LeaveUnloaded()
    {
        if (OperatingSystem.IsLinux())
        {
            // .NET reads the native environment until the first change through it, and from then on keeps its own
            // copy, which child processes get: make that copy first (a change to the value it has).
            Environment.SetEnvironmentVariable(FileVariable, Environment.GetEnvironmentVariable(FileVariable));
            _ = SetVariable(FileVariable, Nowhere, 1);
            _ = SetVariable(DirectoryVariable, Nowhere, 1);
        }
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetVariable(string name, string value, int overwrite);
}
