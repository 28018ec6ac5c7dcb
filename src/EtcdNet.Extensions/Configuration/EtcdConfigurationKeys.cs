using System.Text;
using Microsoft.Extensions.Configuration;

namespace EtcdNet.Extensions;

/// <summary>Maps etcd keys under a prefix to configuration keys, and values to strings.</summary>
internal static class EtcdConfigurationKeys
{
    /// <summary>
    /// <c>/app/Logging/LogLevel/Default</c> with prefix <c>/app/</c> gives <c>Logging:LogLevel:Default</c>:
    /// the prefix and any leading <c>/</c> are removed and each <c>/</c> becomes <c>:</c>. Null when
    /// nothing is left (the prefix key itself) or the key is not under the prefix.
    /// </summary>
    public static string? ToConfigurationKey(string etcdKey, string prefix)
    {
        if (!etcdKey.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = etcdKey.AsSpan(prefix.Length).TrimStart('/');
        return rest.IsEmpty ? null : rest.ToString().Replace("/", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);
    }

    /// <summary>The value as UTF-8 text; invalid bytes become U+FFFD.</summary>
    public static string ToValue(ReadOnlyMemory<byte> value) => Encoding.UTF8.GetString(value.Span);
}
