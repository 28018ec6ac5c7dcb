using System.CommandLine;
using EtcdNet.Cli.Global;
using EtcdNet.Cli.Output;

namespace EtcdNet.Cli.Commands;

/// <summary>What a running command needs: its parse result, the console, the global settings and a client.</summary>
internal sealed class CommandContext : IAsyncDisposable
{
    private readonly Func<string, string?> _environment;
    private GlobalSettings? _settings;
    private EtcdClient? _client;
    private bool _systemTrustRequired;

    public CommandContext(ParseResult parse, CliConsole console, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        Parse = parse;
        Console = console;
        _environment = environment;
        CancellationToken = cancellationToken;
    }

    public ParseResult Parse { get; }

    public CliConsole Console { get; }

    /// <summary>Cancelled on Ctrl+C (or by the test that runs the command).</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The global flags, resolved on first use.</summary>
    public GlobalSettings Settings => _settings ??= GlobalSettings.From(Parse, _environment);

    /// <summary>Reads an environment variable (tests substitute their own).</summary>
    public string? Environment(string name) => _environment(name);

    /// <summary>The value of a command option or argument.</summary>
    public T? Get<T>(Option<T> option) => Parse.GetValue(option);

    /// <inheritdoc cref="Get{T}(Option{T})"/>
    public T? Get<T>(Argument<T> argument) => Parse.GetValue(argument);

    /// <summary>True when <paramref name="option"/> was given on the command line.</summary>
    public bool IsSet(Option option) => Parse.GetResult(option) is { Implicit: false };

    /// <summary>The client for the global settings, created on first use and disposed with the context.</summary>
    public EtcdClient Client => _client ??= CreateClient();

    /// <summary>Another client of this command checks servers against the system's trusted certificates.</summary>
    public void RequireSystemTrust() => _systemTrustRequired = true;

    /// <summary>A token for one short call: the command timeout (--command-timeout) linked to <see cref="CancellationToken"/>.</summary>
    public CancellationTokenSource CommandTimeout()
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(CancellationToken);
        source.CancelAfter(Settings.CommandTimeout);
        return source;
    }

    private EtcdClient CreateClient()
    {
        var options = Settings.ToClientOptions();
        if (!_systemTrustRequired && SystemTrustStore.Unused(Settings))
        {
            SystemTrustStore.LeaveUnloaded();
        }

        return new EtcdClient(options);
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.DisposeAsync();
        }
    }
}
