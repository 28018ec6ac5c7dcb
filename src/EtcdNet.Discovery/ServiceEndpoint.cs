using System.Text.Json;

namespace EtcdNet.Discovery;

/// <summary>One endpoint of a service: the address clients connect to, and optional metadata for load balancing.</summary>
/// <param name="Address">The address, for example <c>10.0.0.7:8080</c> or <c>http://10.0.0.7:8080</c>; not empty.</param>
/// <param name="Metadata">Any JSON value stored with the address (Go's <c>Endpoint.Metadata</c>), or <see langword="null"/>.</param>
public sealed record ServiceEndpoint(string Address, JsonElement? Metadata = null)
{
    /// <summary>The address, for example <c>10.0.0.7:8080</c>; not empty.</summary>
    public string Address { get; init; } = !string.IsNullOrEmpty(Address) ? Address : throw new ArgumentException("An endpoint needs an address.", nameof(Address));

    /// <summary>The metadata, copied: it stays valid after the <see cref="JsonDocument"/> it came from is disposed.</summary>
    public JsonElement? Metadata { get; init; } = Metadata?.Clone();

    /// <summary>Whether two endpoints have the same address and the same metadata, compared as JSON text.</summary>
    /// <param name="other">The other endpoint.</param>
    /// <returns><see langword="true"/> when both are equal.</returns>
    public bool Equals(ServiceEndpoint? other)
        => other is not null && Address == other.Address && MetadataText == other.MetadataText;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Address, MetadataText);

    private string? MetadataText => Metadata is { ValueKind: not JsonValueKind.Undefined and not JsonValueKind.Null } m ? m.GetRawText() : null;
}
