namespace EtcdNet.Extensions;

/// <summary>What one endpoint answered to Status, or why it did not.</summary>
/// <param name="Endpoint">The endpoint asked.</param>
/// <param name="Status">Its status; null when it did not answer.</param>
/// <param name="Error">Why it did not answer, or why its answer is not healthy; null when healthy.</param>
internal sealed record EtcdEndpointProbe(string Endpoint, StatusResponse? Status, string? Error)
{
    public bool Answered => Status is not null;

    public bool Healthy => Status is not null && Error is null;

    public string Describe() => Status is { } s
        ? $"{(Error is null ? "ok" : Error)}; version {s.Version}, member {s.Header.MemberId:x16}, leader {s.Leader:x16}, raft term {s.RaftTerm}, db size {s.DbSize} bytes"
        : Error ?? "no answer";

    public static async Task<EtcdEndpointProbe> RunAsync(IMaintenanceClient maintenance, string endpoint, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        try
        {
            var status = await maintenance.StatusAsync(endpoint, bounded.Token).ConfigureAwait(false);
            return new EtcdEndpointProbe(endpoint, status, Problem(status));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new EtcdEndpointProbe(endpoint, null, $"no answer within {timeout.TotalSeconds:0.###} s");
        }
        catch (Exception e) when (e is EtcdException or TimeoutException or HttpRequestException or ArgumentException)
        {
            return new EtcdEndpointProbe(endpoint, null, e.Message);
        }
    }

    private static string? Problem(StatusResponse status)
    {
        if (status.Errors.Count > 0)
        {
            return string.Join("; ", status.Errors);
        }

        return status.Leader == 0 ? "no leader" : null;
    }
}
