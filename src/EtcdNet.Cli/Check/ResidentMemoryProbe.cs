using System.Net;

namespace EtcdNet.Cli.Check;

/// <summary>
/// Reads a member's resident memory from its <c>/metrics</c> within <paramref name="timeout"/>; a failure is a line to
/// print, as etcdctl prints it, never an exception (only the caller's cancellation throws).
/// </summary>
internal sealed class ResidentMemoryProbe(HttpClient http, string clientUrl, TimeSpan timeout)
{
    /// <summary>The URL read: the member's client URL followed by <c>/metrics</c>.</summary>
    public string Url { get; } = clientUrl.TrimEnd('/') + "/metrics";

    /// <summary>The resident memory in bytes, or null with the line that says why it could not be read (null when etcd reported 0).</summary>
    public async Task<(double? Bytes, string? Problem)> ReadAsync(CancellationToken cancellationToken)
    {
        string body;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Url)
            {
                Version = HttpVersion.Version11,
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            };
            using var response = await http.SendAsync(request, deadline.Token);
            body = await response.Content.ReadAsStringAsync(deadline.Token);
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return (null, $"fetch error: Get {Output.GoQuote.Quote(Url)}: {Describe(e)}");
        }

        return ResidentMemory.Parse(body);
    }

    private static string Describe(Exception e)
    {
        var message = e is OperationCanceledException ? "context deadline exceeded" : e.Message;
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (!message.Contains(inner.Message, StringComparison.Ordinal))
            {
                message += ": " + inner.Message;
            }
        }

        return message.ReplaceLineEndings(" ");
    }
}
