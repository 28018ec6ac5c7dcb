using System.Text.Json;
using EtcdNet.IntegrationTests.Infrastructure;

namespace EtcdNet.IntegrationTests;

/// <summary>PutJsonAsync / GetJsonAsync (the Lua client stores every value as JSON) against real etcd.</summary>
[Collection(SingleMemberCollection.Name)]
public sealed class JsonConvenienceTests(SingleMemberFixture fixture, ITestOutputHelper output) : EtcdTest(fixture, output)
{
    private static readonly JsonTestService Service = new(
        "billing", ["http://10.0.0.1:8080", "http://10.0.0.2:8080"], 5, new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero), new("eu-west-1a", Canary: true));

    [Fact]
    public async Task Record_RoundTripsWithSerializerOptions_StoredAsUtf8Json()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);

        await Client.PutJsonAsync(Key("svc"), Service, options);
        var read = await Client.GetJsonAsync<JsonTestService>(Key("svc"), options);

        Assert.Equal(Service with { Endpoints = read!.Endpoints }, read);
        Assert.Equal(Service.Endpoints, read.Endpoints);
        var stored = Assert.Single((await Client.GetAsync(Key("svc"))).Kvs).ValueString;
        Assert.StartsWith("{\"name\":\"billing\",\"endpoints\":[", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_RoundTripsWithSourceGeneratedTypeInfo()
    {
        await Client.PutJsonAsync(Key("svc"), Service, JsonTestContext.Default.JsonTestService);
        var read = await Client.Kv.GetJsonAsync(Key("svc"), JsonTestContext.Default.JsonTestService);

        Assert.NotNull(read);
        Assert.Equal(Service.Name, read.Name);
        Assert.Equal(Service.Endpoints, read.Endpoints);
        Assert.Equal(Service.Registered, read.Registered);
        Assert.Equal(Service.Labels, read.Labels);
        Assert.Contains("\"weight\":5", Assert.Single((await Client.GetAsync(Key("svc"))).Kvs).ValueString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingKey_GivesDefault_UseANullableTypeForValueTypes()
    {
        await Client.PutJsonAsync(Key("zero"), 0);

        Assert.Null(await Client.GetJsonAsync<JsonTestService>(Key("missing")));
        Assert.Null(await Client.GetJsonAsync(Key("missing"), JsonTestContext.Default.JsonTestService));
        Assert.Null(await Client.GetJsonAsync(Key("missing"), JsonTestContext.Default.NullableInt32));
        Assert.Equal(0, await Client.GetJsonAsync(Key("zero"), JsonTestContext.Default.NullableInt32));
        Assert.Equal(0, await Client.GetJsonAsync<int>(Key("missing")));
    }

    [Fact]
    public async Task InvalidJson_ThrowsJsonExceptionNamingTheKey()
    {
        await Client.PutAsync(Key("bad"), "{\"name\": \"unterminated");
        await Client.PutAsync(Key("empty"), "");
        await Client.PutJsonAsync(Key("wrong-type"), "a string");

        var bad = await Assert.ThrowsAsync<JsonException>(() => Client.GetJsonAsync<JsonTestService>(Key("bad")));
        var empty = await Assert.ThrowsAsync<JsonException>(() => Client.GetJsonAsync(Key("empty"), JsonTestContext.Default.JsonTestService));
        var wrongType = await Assert.ThrowsAsync<JsonException>(() => Client.GetJsonAsync<JsonTestService>(Key("wrong-type")));

        Assert.Contains($"etcd key '{Key("bad")}'", bad.Message, StringComparison.Ordinal);
        Assert.Contains("is not valid JSON for JsonTestService", bad.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<JsonException>(bad.InnerException);
        Assert.Contains($"etcd key '{Key("empty")}'", empty.Message, StringComparison.Ordinal);
        Assert.Contains($"etcd key '{Key("wrong-type")}'", wrongType.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutJson_TakesPutOptions()
    {
        var first = await Client.PutJsonAsync(Key("k"), new[] { 1, 2 }, putOptions: new PutOptions { Ttl = TimeSpan.FromSeconds(60) });
        var second = await Client.PutJsonAsync(Key("k"), Service, JsonTestContext.Default.JsonTestService, new PutOptions { PrevKv = true, IgnoreLease = true });

        Assert.Equal("[1,2]", second.PrevKv?.ValueString);
        var kv = Assert.Single((await Client.GetAsync(Key("k"))).Kvs);
        Assert.NotEqual(0, kv.Lease);
        Assert.Equal(TimeSpan.FromSeconds(60), (await Client.Lease.TimeToLiveAsync(kv.Lease)).GrantedTtl);
        Assert.True(second.Header.Revision > first.Header.Revision);
    }
}
