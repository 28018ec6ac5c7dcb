using System.CommandLine;

namespace EtcdNet.Cli.Global;

/// <summary>
/// The global flags of etcdctl, on every command. Each may also come from an environment variable named
/// ETCDCTL_ plus the flag in upper case with dashes as underscores (ETCDCTL_ENDPOINTS, ETCDCTL_DIAL_TIMEOUT, …);
/// a flag on the command line wins over the variable.
/// </summary>
internal static class GlobalOptions
{
    public static readonly Option<string> Endpoints = Recursive(new Option<string>("--endpoints") { Description = "gRPC endpoints (comma-separated)", DefaultValueFactory = _ => "127.0.0.1:2379" });
    public static readonly Option<string> DialTimeout = Recursive(new Option<string>("--dial-timeout") { Description = "dial timeout for client connections", DefaultValueFactory = _ => "2s" });
    public static readonly Option<string> CommandTimeout = Recursive(new Option<string>("--command-timeout") { Description = "timeout for short running command (excluding dial timeout)", DefaultValueFactory = _ => "5s" });
    public static readonly Option<string> KeepAliveTime = Recursive(new Option<string>("--keepalive-time") { Description = "keepalive time for client connections", DefaultValueFactory = _ => "2s" });
    public static readonly Option<string> KeepAliveTimeout = Recursive(new Option<string>("--keepalive-timeout") { Description = "keepalive timeout for client connections", DefaultValueFactory = _ => "6s" });
    public static readonly Option<string> WriteOut = Recursive(new Option<string>("--write-out", "-w") { Description = "set the output format (fields, json, protobuf, simple, table)", DefaultValueFactory = _ => "simple" });
    public static readonly Option<bool> Hex = Recursive(new Option<bool>("--hex") { Description = "print byte strings as hex encoded strings" });
    public static readonly Option<string> User = Recursive(new Option<string>("--user") { Description = "username[:password] for authentication" });
    public static readonly Option<string> Password = Recursive(new Option<string>("--password") { Description = "password for authentication (--user then names only the user)" });
    public static readonly Option<string> CaCert = Recursive(new Option<string>("--cacert") { Description = "verify certificates of TLS-enabled secure servers using this CA bundle" });
    public static readonly Option<string> Cert = Recursive(new Option<string>("--cert") { Description = "identify secure client using this TLS certificate file" });
    public static readonly Option<string> Key = Recursive(new Option<string>("--key") { Description = "identify secure client using this TLS key file" });
    public static readonly Option<bool> InsecureSkipTlsVerify = Recursive(new Option<bool>("--insecure-skip-tls-verify") { Description = "skip server certificate verification (testing only)" });
    public static readonly Option<bool> InsecureTransport = Recursive(new Option<bool>("--insecure-transport") { Description = "disable transport security for client connections", DefaultValueFactory = _ => true });
    public static readonly Option<string> Protocol = Recursive(new Option<string>("--protocol") { Description = "how to talk to etcd: grpc, or gateway (etcd's HTTP/JSON gateway, over HTTP/1.1)", DefaultValueFactory = _ => "grpc" });
    public static readonly Option<string> ApiPrefix = Recursive(new Option<string>("--api-prefix") { Description = "the gateway's API prefix (/v3, /v3beta, /v3alpha); detected from /version when not given" });
    public static readonly Option<bool> Debug = Recursive(new Option<bool>("--debug") { Description = "enable client-side debug logging" });

    /// <summary>Every global option, in help order.</summary>
    public static IReadOnlyList<Option> All { get; } =
    [
        Endpoints, DialTimeout, CommandTimeout, KeepAliveTime, KeepAliveTimeout, WriteOut, Hex, User, Password,
        CaCert, Cert, Key, InsecureSkipTlsVerify, InsecureTransport, Protocol, ApiPrefix, Debug,
    ];

    /// <summary>The environment variable etcdctl reads for <paramref name="option"/>: ETCDCTL_ + NAME_IN_CAPS.</summary>
    public static string EnvironmentVariable(Option option)
        => "ETCDCTL_" + option.Name.TrimStart('-').Replace('-', '_').ToUpperInvariant();

    private static T Recursive<T>(T option)
        where T : Option
    {
        option.Recursive = true;
        return option;
    }
}
