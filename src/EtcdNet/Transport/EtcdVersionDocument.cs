using System.Text.Json;

namespace EtcdNet.Transport;

/// <summary>etcd's <c>GET /version</c> answer: <c>{"etcdserver":"3.4.23","etcdcluster":"3.4.0"}</c>.</summary>
internal static class EtcdVersionDocument
{
    /// <summary>The server version and the cluster version (null while the cluster has not decided one), or null when <paramref name="body"/> is not such an answer.</summary>
    public static (string Server, string? Cluster)? TryParse(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("etcdserver", out var server) || server.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            var cluster = root.TryGetProperty("etcdcluster", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            return (server.GetString()!, string.IsNullOrEmpty(cluster) || cluster == "not_decided" ? null : cluster);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
