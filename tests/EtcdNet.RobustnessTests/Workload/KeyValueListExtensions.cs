namespace EtcdNet.RobustnessTests.Workload;

/// <summary>The first key of a range response, or null.</summary>
internal static class KeyValueListExtensions
{
    public static KeyValue? FirstKv(this IReadOnlyList<KeyValue> kvs) => kvs.Count > 0 ? kvs[0] : null;
}
