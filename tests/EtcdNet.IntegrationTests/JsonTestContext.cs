using System.Text.Json.Serialization;

namespace EtcdNet.IntegrationTests;

/// <summary>Source-generated JSON metadata for the JSON tests (camelCase, as a typical service would use).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(JsonTestService))]
[JsonSerializable(typeof(int?))]
public sealed partial class JsonTestContext : JsonSerializerContext;
