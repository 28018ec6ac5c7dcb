// ASP.NET Core minimal API on etcd: configuration read from etcd keys (and reloaded when they change),
// an etcd health check, and a leader-elected background worker.
//   dotnet run --project samples/EtcdNet.Samples.WebApi -- --Etcd:Endpoints:0=http://127.0.0.1:2379
// Without an endpoint it starts a local one-member etcd (EtcdNet.Testing) and seeds the settings.
// Try: curl localhost:5000/greeting; etcdctl put /sample/app/Greeting/Message hi; curl localhost:5000/greeting
using EtcdNet;
using EtcdNet.Extensions;
using EtcdNet.Samples.WebApi;
using EtcdNet.Testing;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);
await using var localCluster = builder.Configuration.GetSection("Etcd:Endpoints").Exists() ? null : await EtcdCluster.StartAsync(1);
if (localCluster is not null)
{
    builder.Configuration["Etcd:Endpoints:0"] = localCluster.ClientUrls[0];
    Console.WriteLine($"local etcd: {localCluster.ClientUrls[0]} (etcdctl --endpoints={localCluster.ClientUrls[0]} put /sample/app/Greeting/Message hi)");
    await using var seed = new EtcdClient(new EtcdClientOptions { Endpoints = localCluster.ClientUrls });
    await seed.PutAsync("/sample/app/Greeting/Message", "hello from etcd");
    await seed.PutAsync("/sample/app/Greeting/Repeat", "2");
}

var endpoints = builder.Configuration.GetSection("Etcd:Endpoints").Get<string[]>() ?? [];
builder.Configuration.AddEtcd(source =>
{
    source.Endpoints = endpoints;
    source.Prefix = "/sample/app/";
    source.Optional = true;        // start even when etcd is down; settings appear when it is back
    source.ReloadOnChange = true;  // IOptionsMonitor<T> follows the keys
});

builder.Services.AddEtcdClient(builder.Configuration.GetSection("Etcd"));
builder.Services.Configure<GreetingOptions>(builder.Configuration.GetSection("Greeting"));
builder.Services.AddHealthChecks().AddEtcd();
builder.Services.AddSingleton<LeaderWorker>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<LeaderWorker>());

var app = builder.Build();
app.MapGet("/greeting", (IOptionsMonitor<GreetingOptions> options) =>
    string.Join(' ', Enumerable.Repeat(options.CurrentValue.Message, Math.Clamp(options.CurrentValue.Repeat, 1, 10))));
app.MapGet("/worker", async (LeaderWorker worker, EtcdClient client, CancellationToken ct) =>
{
    var ticks = await client.GetAsync(LeaderWorker.CounterKey, cancellationToken: ct);
    return new { instance = worker.InstanceName, leader = worker.IsLeader, lastTick = ticks.Kvs.Count > 0 ? ticks.Kvs[0].ValueString : null };
});
app.MapHealthChecks("/healthz");
await app.RunAsync();
