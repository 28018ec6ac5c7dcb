namespace EtcdNet.Transport;

/// <summary>Per-call request metadata: the deadline to announce and extra headers (token, hasleader).</summary>
internal readonly record struct CallHeaders(TimeSpan? Timeout, IReadOnlyList<KeyValuePair<string, string>>? Metadata)
{
    public static CallHeaders None => default;

    public void ApplyTo(HttpRequestMessage request)
    {
        var headers = request.Headers;
        headers.TryAddWithoutValidation("te", "trailers");
        if (Timeout is { } timeout && timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            headers.TryAddWithoutValidation(GrpcTimeout.Header, GrpcTimeout.Encode(timeout));
        }

        if (Metadata is { } metadata)
        {
            foreach (var (key, value) in metadata)
            {
                headers.TryAddWithoutValidation(key, value);
            }
        }
    }
}
