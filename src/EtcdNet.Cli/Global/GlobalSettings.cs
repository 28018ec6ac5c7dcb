using System.CommandLine;
using EtcdNet.Cli.Errors;
using EtcdNet.Cli.Output;

namespace EtcdNet.Cli.Global;

/// <summary>The global flags of one invocation, resolved from the command line and ETCDCTL_* variables.</summary>
internal sealed record GlobalSettings
{
    public required IReadOnlyList<string> Endpoints { get; init; }

    public required TimeSpan DialTimeout { get; init; }

    public required TimeSpan CommandTimeout { get; init; }

    public required TimeSpan KeepAliveTime { get; init; }

    public required TimeSpan KeepAliveTimeout { get; init; }

    public required OutputFormat Format { get; init; }

    public required bool Hex { get; init; }

    public string? User { get; init; }

    public string? Password { get; init; }

    public string? CaCert { get; init; }

    public string? Cert { get; init; }

    public string? Key { get; init; }

    public bool InsecureSkipTlsVerify { get; init; }

    public bool InsecureTransport { get; init; } = true;

    /// <summary>gRPC, or etcd's JSON gateway.</summary>
    public EtcdProtocol Protocol { get; init; }

    /// <summary>The gateway's API prefix, or null to detect it.</summary>
    public string? ApiPrefix { get; init; }

    /// <summary>True when any TLS setting asks for a secure connection.</summary>
    public bool UsesTls => CaCert is not null || Cert is not null || Key is not null || InsecureSkipTlsVerify || !InsecureTransport;

    /// <summary>Resolves every global flag of <paramref name="parse"/>, falling back to <paramref name="environment"/>.</summary>
    /// <exception cref="CliException">A value is malformed (exit 128).</exception>
    public static GlobalSettings From(ParseResult parse, Func<string, string?> environment)
    {
        string? Text(Option<string> option) => Value(parse, option, environment, s => s);
        bool Flag(Option<bool> option) => Value(parse, option, environment, ParseBool);
        TimeSpan Duration(Option<string> option, bool zeroAllowed = false)
        {
            var value = BadArgs(() => GoDuration.Parse(Text(option)!, option.Name));
            return value > TimeSpan.Zero || (zeroAllowed && value == TimeSpan.Zero)
                ? value
                : throw CliException.BadArgs($"invalid duration \"{Text(option)}\" for {option.Name}: it must be positive");
        }

        var user = Text(GlobalOptions.User);
        var password = Text(GlobalOptions.Password);
        if (!string.IsNullOrEmpty(user) && password is null && user.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0)
        {
            password = user[(colon + 1)..];
            user = user[..colon];
        }
        else if (!string.IsNullOrEmpty(user) && !string.IsNullOrEmpty(password) && user.Contains(':', StringComparison.Ordinal))
        {
            throw CliException.BadArgs("username contains ':' while --password is given");
        }

        var format = Text(GlobalOptions.WriteOut) switch
        {
            "simple" => OutputFormat.Simple,
            "json" => OutputFormat.Json,
            "table" => OutputFormat.Table,
            "fields" => OutputFormat.Fields,
            "protobuf" => OutputFormat.Protobuf,
            var other => throw CliException.BadFeature($"unsupported output format \"{other}\" (use simple, json, table, fields or protobuf)"),
        };

        var protocol = Text(GlobalOptions.Protocol) switch
        {
            null or "" or "grpc" => EtcdProtocol.Grpc,
            "gateway" => EtcdProtocol.JsonGateway,
            var other => throw CliException.BadArgs($"unknown protocol \"{other}\" for --protocol (use grpc or gateway)"),
        };

        var endpoints = (Text(GlobalOptions.Endpoints) ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (endpoints.Length == 0)
        {
            throw CliException.BadArgs("no endpoints given (--endpoints)");
        }

        return new GlobalSettings
        {
            Endpoints = endpoints,
            DialTimeout = Duration(GlobalOptions.DialTimeout, zeroAllowed: true),
            CommandTimeout = Duration(GlobalOptions.CommandTimeout),
            KeepAliveTime = Duration(GlobalOptions.KeepAliveTime),
            KeepAliveTimeout = Duration(GlobalOptions.KeepAliveTimeout),
            Format = format,
            Hex = Flag(GlobalOptions.Hex),
            User = string.IsNullOrEmpty(user) ? null : user,
            Password = password,
            CaCert = NullIfEmpty(Text(GlobalOptions.CaCert)),
            Cert = NullIfEmpty(Text(GlobalOptions.Cert)),
            Key = NullIfEmpty(Text(GlobalOptions.Key)),
            InsecureSkipTlsVerify = Flag(GlobalOptions.InsecureSkipTlsVerify),
            InsecureTransport = Flag(GlobalOptions.InsecureTransport),
            Protocol = protocol,
            ApiPrefix = NullIfEmpty(Text(GlobalOptions.ApiPrefix)),
        };
    }

    /// <summary>The URL the client dials for <paramref name="endpoint"/>: as given, or with the scheme the TLS flags imply.</summary>
    public string Url(string endpoint)
        => endpoint.Contains("://", StringComparison.Ordinal) ? endpoint : (UsesTls ? "https://" : "http://") + endpoint;

    /// <summary>The client options for these settings; endpoints without a scheme get http:// (https:// with TLS).</summary>
    /// <exception cref="CliException">A TLS file is missing or unreadable.</exception>
    public EtcdClientOptions ToClientOptions()
    {
        EtcdTlsOptions? tls = null;
        if (UsesTls)
        {
            foreach (var file in new[] { CaCert, Cert, Key })
            {
                if (file is not null && !File.Exists(file))
                {
                    throw CliException.BadArgs($"open {file}: no such file or directory"); // etcdctl's words and exit code
                }
            }

            try
            {
                tls = CaCert is null && Cert is null ? new EtcdTlsOptions() : EtcdTlsOptions.FromPemFiles(CaCert, Cert, Key);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException or ArgumentException or System.Security.Cryptography.CryptographicException)
            {
                throw new CliException(ExitCodes.BadArgs, e.Message, e);
            }

            tls = tls with { SkipServerCertificateValidation = InsecureSkipTlsVerify };
        }

        return new EtcdClientOptions
        {
            Endpoints = [.. Endpoints.Select(Url)],
            // --dial-timeout=0s sets no limit of its own, as in etcdctl: connecting is bounded by the command's timeout.
            DialTimeout = DialTimeout == TimeSpan.Zero ? CommandTimeout : DialTimeout,
            RequestTimeout = CommandTimeout,
            // etcd answers pings more often than every 5 s with GOAWAY: the client's floor applies.
            KeepAliveTime = KeepAliveTime < EtcdClientOptions.MinKeepAliveTime ? EtcdClientOptions.MinKeepAliveTime : KeepAliveTime,
            KeepAliveTimeout = KeepAliveTimeout,
            Username = User,
            Password = Password,
            Tls = tls,
            Protocol = Protocol,
            ApiPrefix = ApiPrefix,
        };
    }

    private static T Value<T>(ParseResult parse, Option<T> option, Func<string, string?> environment, Func<string, T> convert)
    {
        var result = parse.GetResult(option);
        if (result is null || result.Implicit)
        {
            var fromEnvironment = environment(GlobalOptions.EnvironmentVariable(option));
            if (fromEnvironment is not null)
            {
                return convert(fromEnvironment);
            }
        }

        return parse.GetValue(option)!;
    }

    private static bool ParseBool(string text) => text.Trim().ToUpperInvariant() switch
    {
        "1" or "T" or "TRUE" => true,
        "0" or "F" or "FALSE" or "" => false,
        _ => throw CliException.BadArgs($"invalid boolean value \"{text}\""),
    };

    private static T BadArgs<T>(Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (FormatException e)
        {
            throw CliException.BadArgs(e.Message);
        }
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
