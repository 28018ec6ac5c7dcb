using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace EtcdNet;

/// <summary>
/// Values stored as JSON (UTF-8), as the Lua client does for every value: System.Text.Json with your
/// options, or with source-generated metadata (<see cref="JsonTypeInfo{T}"/>, trimming- and AOT-safe).
/// A value that is not valid JSON for the type fails with a <see cref="JsonException"/> naming the key.
/// </summary>
public static class EtcdJsonExtensions
{
    private const string ReflectionWarning = "JSON serialization of arbitrary types may need code that trimming removes; use the overload that takes a JsonTypeInfo<T>.";
    private const string DynamicCodeWarning = "JSON serialization of arbitrary types may need runtime code generation; use the overload that takes a JsonTypeInfo<T>.";

    /// <summary>Stores <paramref name="value"/> serialized as UTF-8 JSON.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="kv">The KV client (or the <see cref="EtcdClient"/>).</param>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <param name="options">Serializer options; null for the defaults.</param>
    /// <param name="putOptions">Lease, TTL and previous-value options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The put's response.</returns>
    /// <exception cref="NotSupportedException">The type cannot be serialized.</exception>
    [RequiresUnreferencedCode(ReflectionWarning)]
    [RequiresDynamicCode(DynamicCodeWarning)]
    public static Task<PutResponse> PutJsonAsync<T>(this IKvClient kv, EtcdBytes key, T value, JsonSerializerOptions? options = null, PutOptions? putOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kv);
        return kv.PutAsync(key, JsonSerializer.SerializeToUtf8Bytes(value, options), putOptions, cancellationToken);
    }

    /// <summary>Stores <paramref name="value"/> serialized as UTF-8 JSON with source-generated metadata.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="kv">The KV client (or the <see cref="EtcdClient"/>).</param>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <param name="typeInfo">The type's metadata, e.g. <c>MyJsonContext.Default.MyRecord</c>.</param>
    /// <param name="putOptions">Lease, TTL and previous-value options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The put's response.</returns>
    public static Task<PutResponse> PutJsonAsync<T>(this IKvClient kv, EtcdBytes key, T value, JsonTypeInfo<T> typeInfo, PutOptions? putOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kv);
        ArgumentNullException.ThrowIfNull(typeInfo);
        return kv.PutAsync(key, JsonSerializer.SerializeToUtf8Bytes(value, typeInfo), putOptions, cancellationToken);
    }

    /// <summary>Reads a key and deserializes its value from UTF-8 JSON (without copying it).</summary>
    /// <typeparam name="T">The value's type; for a value type, use its nullable form (<c>int?</c>) to tell a missing key from a stored default.</typeparam>
    /// <param name="kv">The KV client (or the <see cref="EtcdClient"/>).</param>
    /// <param name="key">The key.</param>
    /// <param name="options">Serializer options; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The value; <c>default</c> when the key does not exist (and for a stored JSON <c>null</c>).</returns>
    /// <exception cref="JsonException">The stored value is not valid JSON for <typeparamref name="T"/> (an empty value included); the message names the key, the inner exception is the serializer's.</exception>
    [RequiresUnreferencedCode(ReflectionWarning)]
    [RequiresDynamicCode(DynamicCodeWarning)]
    public static async Task<T?> GetJsonAsync<T>(this IKvClient kv, EtcdBytes key, JsonSerializerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kv);
        var kvs = (await kv.GetAsync(key, null, cancellationToken).ConfigureAwait(false)).Kvs;
        if (kvs.Count == 0)
        {
            return default;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(kvs[0].Value.Span, options);
        }
        catch (JsonException e)
        {
            throw Invalid(kvs[0], typeof(T), e);
        }
    }

    /// <summary>Reads a key and deserializes its value from UTF-8 JSON (without copying it) with source-generated metadata.</summary>
    /// <typeparam name="T">The value's type; for a value type, use its nullable form (<c>int?</c>) to tell a missing key from a stored default.</typeparam>
    /// <param name="kv">The KV client (or the <see cref="EtcdClient"/>).</param>
    /// <param name="key">The key.</param>
    /// <param name="typeInfo">The type's metadata, e.g. <c>MyJsonContext.Default.MyRecord</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The value; <c>default</c> when the key does not exist (and for a stored JSON <c>null</c>).</returns>
    /// <exception cref="JsonException">The stored value is not valid JSON for <typeparamref name="T"/> (an empty value included); the message names the key, the inner exception is the serializer's.</exception>
    public static async Task<T?> GetJsonAsync<T>(this IKvClient kv, EtcdBytes key, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kv);
        ArgumentNullException.ThrowIfNull(typeInfo);
        var kvs = (await kv.GetAsync(key, null, cancellationToken).ConfigureAwait(false)).Kvs;
        if (kvs.Count == 0)
        {
            return default;
        }

        try
        {
            return JsonSerializer.Deserialize(kvs[0].Value.Span, typeInfo);
        }
        catch (JsonException e)
        {
            throw Invalid(kvs[0], typeof(T), e);
        }
    }

    private static JsonException Invalid(KeyValue kv, Type type, JsonException e)
        => new($"The value of etcd key '{kv.KeyString}' (revision {kv.ModRevision}) is not valid JSON for {type.Name}: {e.Message}",
            e.Path, e.LineNumber, e.BytePositionInLine, e);
}
