using System.Text.Json;
using System.Text.Json.Serialization;
using EtcdNet.HotPaths;

// The paths besides unary calls, with the flags and RESULT line of bench/hot/go/hotpaths.go (see that file for the modes).
var args2 = HotArgs.Parse(args);
HotResult result = args2.Mode switch
{
    "watch-fanout" => await WatchFanOut.RunAsync(args2),
    "leases" => await LeaseRenewals.RunAsync(args2),
    "first-call" => await FirstCall.RunAsync(args2),
    _ => throw new ArgumentException($"unknown -mode {args2.Mode}"),
};
var json = JsonSerializer.Serialize(result with { Mode = args2.Mode }, new JsonSerializerOptions { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull });
Console.WriteLine($"RESULT {json}");
