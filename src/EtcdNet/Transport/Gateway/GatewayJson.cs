using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace EtcdNet.Transport.Gateway;

/// <summary>
/// The gateway's wire format: protobuf messages in their JSON mapping (64-bit numbers as strings, bytes as base64,
/// enums by name), one JSON object per request; a stream answers with one line per message, <c>{"result": ...}</c> or
/// <c>{"error": ...}</c>. Unknown fields from a newer server are ignored.
/// </summary>
internal static class GatewayJson
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithPreserveProtoFieldNames(true));
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));
    private static readonly ConcurrentDictionary<Type, MessageDescriptor> Descriptors = new();

    /// <summary>The request body of <paramref name="message"/>.</summary>
    public static byte[] Encode(IMessage message) => Encoding.UTF8.GetBytes(Formatter.Format(message));

    /// <summary>Parses one message of type <typeparamref name="TResponse"/> from its JSON.</summary>
    /// <exception cref="InvalidProtocolBufferException">The JSON is not such a message.</exception>
    public static TResponse Decode<TResponse>(MessageParser<TResponse> parser, string json)
        where TResponse : IMessage<TResponse>
    {
        var descriptor = Descriptors.GetOrAdd(typeof(TResponse), static (_, p) => p.ParseFrom(ByteString.Empty).Descriptor, parser);
        return (TResponse)Parser.Parse(json, descriptor);
    }

    /// <summary>
    /// One line of a stream: the message's JSON, or the status the stream failed with.
    /// </summary>
    /// <exception cref="JsonException">The line is not one of the two.</exception>
    public static (string? Result, GrpcStatus? Error) ReadChunk(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("result", out var result))
        {
            return (result.GetRawText(), null);
        }

        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
        {
            var code = Int(error, "grpc_code") ?? (int)GrpcStatusCode.Unknown;
            return (null, new GrpcStatus((GrpcStatusCode)code, Text(error, "message")));
        }

        throw new JsonException("a stream line is neither a result nor an error");
    }

    /// <summary>The status in a unary error body (<c>{"error": "...", "code": 3, "message": "..."}</c>), or null when the body is not one.</summary>
    public static GrpcStatus? ReadError(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object && Int(root, "code") is { } code
                ? new GrpcStatus((GrpcStatusCode)code, Text(root, "message") ?? Text(root, "error"))
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static int? Int(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;

    private static string? Text(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
