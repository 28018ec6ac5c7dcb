using System.Collections.Concurrent;
using System.Net;
using Google.Protobuf;

namespace EtcdNet.Transport.Gateway;

/// <summary>
/// Calls through etcd's HTTP/JSON gateway instead of gRPC: each unary call is one POST of the request as JSON to its
/// gateway path (HTTP/1.1, or whatever the handler and server agree on), answered by the response as JSON or by a
/// JSON error carrying the gRPC status. Streams are POSTs whose response is one JSON line per message
/// (<see cref="GatewayStreamingCall{TRequest, TResponse}"/>). The API prefix is the configured one or, per endpoint,
/// the one its <c>/version</c> calls for. Calls fail with <see cref="GrpcCallException"/>, as on gRPC.
/// </summary>
internal sealed class GatewayTransport : ICallTransport
{
    private readonly HttpMessageInvoker _http;
    private readonly RequestDefaults _requests;
    private readonly ConcurrentDictionary<GrpcEndpoint, Task<string>> _prefixes = new();
    private volatile bool _disposed;

    public GatewayTransport(TransportSettings settings)
    {
        Settings = settings;
        _requests = new RequestDefaults(settings);
        _http = new HttpMessageInvoker(HttpHandlerFactory.Create(settings), disposeHandler: true);
    }

    public TransportSettings Settings { get; }

    internal HttpMessageInvoker Http => _http;

    public async Task<TResponse> UnaryAsync<TRequest, TResponse>(
        GrpcEndpoint endpoint, GrpcMethod<TRequest, TResponse> method, TRequest message, CallHeaders headers, CancellationToken cancellationToken)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ThrowIfDisposed();
        var route = GatewayRoutes.Of(method.Path);
        GrpcFrameWriter.MeasureChecked(message, Settings.MaxSendMessageSize);
        var content = new GatewayContent(GatewayJson.Encode(message));
        try
        {
            var prefix = await PrefixAsync(endpoint, cancellationToken).ConfigureAwait(false);
            using var request = CreateRequest(endpoint, prefix + route, content, headers);
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.OK && IsJson(response))
            {
                endpoint.MarkSpokeGrpc();
                return Decode(endpoint, method.Parser, body);
            }

            throw Failure(endpoint, response, GatewayJson.ReadError(body), content.Started);
        }
        catch (Exception e) when (GrpcFailureMapper.Map(e, endpoint, content.Started, cancellationToken) is { } mapped && !ReferenceEquals(mapped, e))
        {
            throw mapped;
        }
    }

    public Task<(int StatusCode, byte[] Body)> GetAsync(GrpcEndpoint endpoint, string path, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        return _requests.GetAsync(_http, endpoint, path, cancellationToken);
    }

    public IGrpcStreamingCall<TRequest, TResponse> StartStreaming<TRequest, TResponse>(
        GrpcEndpoint endpoint, GrpcMethod<TRequest, TResponse> method, TRequest? firstAndOnlyMessage, CallHeaders headers, CancellationToken cancellationToken)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ThrowIfDisposed();
        var route = GatewayRoutes.Of(method.Path);
        if (method is GrpcMethod<Protocol.Rpc.WatchRequest, Protocol.Rpc.WatchResponse> watch)
        {
            return (IGrpcStreamingCall<TRequest, TResponse>)(object)new GatewayWatchCall(this, endpoint, watch, route, headers, cancellationToken);
        }

        var call = new GatewayStreamingCall<TRequest, TResponse>(this, endpoint, method, route, headers, cancellationToken);
        call.Start(firstAndOnlyMessage);
        return call;
    }

    public void Dispose()
    {
        _disposed = true;
        _http.Dispose();
    }

    /// <summary>The API prefix of <paramref name="endpoint"/>: the configured one, else the one its version calls for (asked once).</summary>
    internal async Task<string> PrefixAsync(GrpcEndpoint endpoint, CancellationToken cancellationToken)
    {
        if (Settings.GatewayPrefix is { } configured)
        {
            return configured;
        }

        var detection = _prefixes.GetOrAdd(endpoint, e => DetectPrefixAsync(e));
        try
        {
            return await detection.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (detection.IsFaulted || detection.IsCanceled)
        {
            _prefixes.TryRemove(new KeyValuePair<GrpcEndpoint, Task<string>>(endpoint, detection)); // ask again next time
            throw;
        }
    }

    private async Task<string> DetectPrefixAsync(GrpcEndpoint endpoint)
    {
        using var timeout = new CancellationTokenSource(Settings.DialTimeout + Settings.DialTimeout);
        var (status, body) = await GetAsync(endpoint, "version", timeout.Token).ConfigureAwait(false);
        return status == 200 && EtcdVersionDocument.TryParse(body) is { } version
            ? GatewayRoutes.PrefixFor(version.Server)
            : throw GrpcFailureMapper.NotGrpc(endpoint, $"its /version answered HTTP {status} without an etcd version", requestSent: false);
    }

    internal HttpRequestMessage CreateRequest(GrpcEndpoint endpoint, string path, HttpContent content, CallHeaders headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint.GetUri(path))
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
            Content = content,
        };
        _requests.Apply(request, endpoint);
        var requestHeaders = request.Headers;
        if (headers.Timeout is { } timeout && timeout != Timeout.InfiniteTimeSpan)
        {
            requestHeaders.TryAddWithoutValidation(GrpcTimeout.Header, GrpcTimeout.Encode(timeout));
        }

        foreach (var (key, value) in headers.Metadata ?? [])
        {
            // The gateway passes Authorization on as the token, and Grpc-Metadata-* as the metadata it names.
            requestHeaders.TryAddWithoutValidation(key == "token" ? "authorization" : "grpc-metadata-" + key, value);
        }

        return request;
    }


    internal static bool IsJson(HttpResponseMessage response)
        => response.Content.Headers.ContentType?.MediaType?.Equals("application/json", StringComparison.OrdinalIgnoreCase) == true;

    internal static TResponse Decode<TResponse>(GrpcEndpoint endpoint, MessageParser<TResponse> parser, string json)
        where TResponse : class, IMessage<TResponse>
    {
        try
        {
            return GatewayJson.Decode(parser, json);
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or InvalidJsonException or FormatException)
        {
            throw GrpcFailureMapper.NotGrpc(endpoint, $"its answer is not a {typeof(TResponse).Name} in JSON ({e.Message})", requestSent: true, e);
        }
    }

    /// <summary>The failure an answer other than 200 with JSON stands for.</summary>
    internal static GrpcCallException Failure(GrpcEndpoint endpoint, HttpResponseMessage response, GrpcStatus? status, bool requestSent)
    {
        if (status is { } failed && IsJson(response))
        {
            endpoint.MarkSpokeGrpc();
            return new GrpcCallException(failed, CallFailureKind.Status, true, endpoint.Address);
        }

        var code = (int)response.StatusCode;
        return GrpcStatus.FromHttpStatus(code) == GrpcStatusCode.Unavailable
            ? new GrpcCallException(new GrpcStatus(GrpcStatusCode.Unavailable, $"{endpoint} answered HTTP {code}."), CallFailureKind.Transport, requestSent, endpoint.Address)
            : GrpcFailureMapper.NotGrpc(endpoint, $"it answered HTTP {code} {response.ReasonPhrase} with '{response.Content.Headers.ContentType?.MediaType ?? "(no content type)"}', not etcd's JSON gateway", requestSent);
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, Settings.Owner);
}
