using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Text;
using System.Text.Json;

namespace EtcdNet.Testing.Internal;

/// <summary>
/// Talks to etcd's HTTP endpoints (/health and the grpc-gateway JSON API) with short timeouts. Over
/// https it trusts only the cluster's CA and, when etcd requires it, presents the client certificate.
/// </summary>
internal sealed class EtcdHttp : IDisposable
{
    private readonly HttpClient _client;
    private readonly bool _shared;

    private EtcdHttp(SslClientAuthenticationOptions? ssl, bool shared)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            ConnectTimeout = TimeSpan.FromSeconds(1),
        };
        if (ssl is not null)
        {
            handler.SslOptions = ssl;
        }

        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _shared = shared;
    }

    /// <summary>The plain-http instance shared by every cluster without TLS; <see cref="Dispose"/> leaves it alone.</summary>
    internal static EtcdHttp Plain { get; } = new(ssl: null, shared: true);

    /// <summary><see cref="Plain"/> without certificates, else a new instance for that cluster's CA (and client certificate).</summary>
    internal static EtcdHttp For(EtcdTestCertificates? certificates, bool presentClientCertificate) =>
        certificates is null ? Plain : new EtcdHttp(certificates.CreateClientSslOptions(presentClientCertificate), shared: false);

    /// <summary>Releases the connection handler unless this is <see cref="Plain"/>.</summary>
    public void Dispose()
    {
        if (!_shared)
        {
            _client.Dispose();
        }
    }

    /// <summary>
    /// True when GET /health answers 200 with health "true". Connection failures, timeouts and other
    /// answers yield false; only <paramref name="cancellationToken"/> makes it throw.
    /// </summary>
    internal async Task<bool> IsHealthyAsync(string clientUrl, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var body = await TrySendAsync(HttpMethod.Get, clientUrl + "/health", content: null, timeout, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("health", out var health)
                && (health.ValueKind == JsonValueKind.True
                    || (health.ValueKind == JsonValueKind.String && health.GetString() == "true"));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>POST /v3/maintenance/status; null when the member does not answer in time or answers badly.</summary>
    internal async Task<MemberStatus?> TryGetStatusAsync(string clientUrl, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var body = await TrySendAsync(HttpMethod.Post, clientUrl + "/v3/maintenance/status", "{}", timeout, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (!root.TryGetProperty("header", out var header))
            {
                return null;
            }

            return new MemberStatus(ReadUInt64(header, "member_id"), ReadUInt64(root, "leader"), ReadUInt64(header, "raft_term"));
        }
        catch (Exception e) when (e is JsonException or FormatException or OverflowException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Reads a uint64 that the gateway encodes as a JSON string; absent means 0 (proto3 default).</summary>
    private static ulong ReadUInt64(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return 0;
        }

        return value.ValueKind == JsonValueKind.String
            ? ulong.Parse(value.GetString()!, NumberStyles.None, CultureInfo.InvariantCulture)
            : value.GetUInt64();
    }

    private async Task<string?> TrySendAsync(HttpMethod method, string url, string? content, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            using var request = new HttpRequestMessage(method, url);
            request.Version = HttpVersion.Version11;
            request.Headers.ConnectionClose = true; // members restart on the same port; never reuse a pooled socket
            if (content is not null)
            {
                request.Content = new StringContent(content, Encoding.UTF8, "application/json");
            }

            using var response = await _client.SendAsync(request, timeoutSource.Token).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return null;
            }

            return await response.Content.ReadAsStringAsync(timeoutSource.Token).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
