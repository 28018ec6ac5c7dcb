using System.Globalization;
using System.Net.Http.Headers;

namespace EtcdNet.Transport;

/// <summary>A gRPC status: code and (already percent-decoded) message.</summary>
internal readonly record struct GrpcStatus(GrpcStatusCode Code, string? Message)
{
    public const string StatusHeader = "grpc-status";
    public const string MessageHeader = "grpc-message";

    public static GrpcStatus Ok => new(GrpcStatusCode.OK, null);

    /// <summary>Reads <c>grpc-status</c>/<c>grpc-message</c> from headers or trailers; null when absent.</summary>
    public static GrpcStatus? TryRead(HttpHeaders headers)
    {
        if (!headers.TryGetValues(StatusHeader, out var statusValues))
        {
            return null;
        }

        string? message = headers.TryGetValues(MessageHeader, out var messageValues) ? messageValues.FirstOrDefault() : null;
        return Parse(statusValues.FirstOrDefault(), message);
    }

    /// <summary>A status from the raw <c>grpc-status</c> and (percent-encoded) <c>grpc-message</c> values.</summary>
    public static GrpcStatus Parse(string? status, string? encodedMessage)
    {
        if (!int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var code) || code < 0)
        {
            return new GrpcStatus(GrpcStatusCode.Unknown, $"Unparseable grpc-status '{status}'.");
        }

        return new GrpcStatus(code > 16 ? GrpcStatusCode.Unknown : (GrpcStatusCode)code, DecodeMessage(encodedMessage));
    }

    /// <summary>grpc-message is percent-encoded UTF-8; anything malformed is kept as sent.</summary>
    public static string? DecodeMessage(string? encoded)
    {
        if (string.IsNullOrEmpty(encoded) || !encoded.Contains('%', StringComparison.Ordinal))
        {
            return encoded;
        }

        try
        {
            return Uri.UnescapeDataString(encoded);
        }
        catch (UriFormatException)
        {
            return encoded;
        }
    }

    /// <summary>The status gRPC assigns to an HTTP response that carried no grpc-status.</summary>
    public static GrpcStatusCode FromHttpStatus(int httpStatus) => httpStatus switch
    {
        400 => GrpcStatusCode.Internal,
        401 => GrpcStatusCode.Unauthenticated,
        403 => GrpcStatusCode.PermissionDenied,
        404 => GrpcStatusCode.Unimplemented,
        429 or 502 or 503 or 504 => GrpcStatusCode.Unavailable,
        _ => GrpcStatusCode.Unknown,
    };

    /// <summary>The status gRPC assigns to an HTTP/2 stream or connection error code (RFC 9113 §7).</summary>
    public static GrpcStatusCode FromHttp2ErrorCode(long errorCode) => errorCode switch
    {
        0x7 => GrpcStatusCode.Unavailable,        // REFUSED_STREAM: not processed, safe to retry
        0x8 => GrpcStatusCode.Cancelled,          // CANCEL
        0xb => GrpcStatusCode.ResourceExhausted,  // ENHANCE_YOUR_CALM
        0xc => GrpcStatusCode.PermissionDenied,   // INADEQUATE_SECURITY
        _ => GrpcStatusCode.Internal,
    };
}
