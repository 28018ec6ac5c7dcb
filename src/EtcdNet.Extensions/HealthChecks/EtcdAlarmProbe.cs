namespace EtcdNet.Extensions;

/// <summary>The alarms raised in the cluster, or why they could not be read.</summary>
/// <param name="Raised">The raised alarms; null when the list could not be read.</param>
/// <param name="Error">Why the list could not be read.</param>
internal sealed record EtcdAlarmProbe(IReadOnlyList<AlarmMember>? Raised, string? Error)
{
    public string Describe() => Raised switch
    {
        null => "unknown: " + Error,
        { Count: 0 } => "none",
        _ => string.Join(", ", Raised.Select(a => $"{a.Alarm} on member {a.MemberId:x16}")),
    };

    public static async Task<EtcdAlarmProbe> RunAsync(IMaintenanceClient maintenance, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        try
        {
            var response = await maintenance.AlarmListAsync(bounded.Token).ConfigureAwait(false);
            return new EtcdAlarmProbe(response.Alarms.Where(a => a.Alarm != AlarmType.None).ToArray(), null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new EtcdAlarmProbe(null, $"no answer within {timeout.TotalSeconds:0.###} s");
        }
        catch (Exception e) when (e is EtcdException or TimeoutException or HttpRequestException)
        {
            return new EtcdAlarmProbe(null, e.Message);
        }
    }
}
