using System.Text.Json;

namespace EtcdNet.Discovery;

/// <summary>
/// The value stored under an endpoint key, in the JSON form of Go's naming/endpoints package:
/// <c>{"Op":0,"Addr":"10.0.0.7:8080","Metadata":null}</c>. Reading matches field names without regard to case, as Go's
/// decoder does; a value that is not such an object, or has no address, is not an endpoint and is skipped.
/// </summary>
internal static class EndpointValue
{
    public static byte[] Encode(ServiceEndpoint endpoint)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("Op", (int)EndpointUpdateKind.Added);
            json.WriteString("Addr", endpoint.Address);
            json.WritePropertyName("Metadata");
            if (endpoint.Metadata is { ValueKind: not JsonValueKind.Undefined } metadata)
            {
                metadata.WriteTo(json);
            }
            else
            {
                json.WriteNullValue();
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static bool TryDecode(ReadOnlyMemory<byte> value, out ServiceEndpoint? endpoint)
    {
        endpoint = null;
        try
        {
            using var document = JsonDocument.Parse(value);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            string? address = null;
            JsonElement? metadata = null;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name.Equals("Addr", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String)
                {
                    address = property.Value.GetString();
                }
                else if (property.Name.Equals("Metadata", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind != JsonValueKind.Null)
                {
                    metadata = property.Value.Clone();
                }
            }

            if (string.IsNullOrEmpty(address))
            {
                return false;
            }

            endpoint = new ServiceEndpoint(address, metadata);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
