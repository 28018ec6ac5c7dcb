using EtcdNet.Protocol.Rpc;

namespace EtcdNet.Watch;

/// <summary>Builds create requests from watch options, validating them.</summary>
internal static class WatchRequests
{
    public static WatchCreateRequest Create(EtcdBytes key, WatchOptions options)
    {
        var (k, end) = KeyRange.Resolve(key, options.Prefix, options.RangeEnd, options.FromKey, nameof(options));
        if (key.IsEmpty && !options.Prefix && !options.FromKey && !options.RangeEnd.HasValue)
        {
            throw new ArgumentException("A watch needs a key (an empty key is only valid with Prefix, FromKey or RangeEnd).", nameof(key));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(options.StartRevision, nameof(options.StartRevision));
        ArgumentOutOfRangeException.ThrowIfNegative(options.WatchId, nameof(options.WatchId));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BufferSize, 2, nameof(options.BufferSize));
        var request = new WatchCreateRequest
        {
            Key = k,
            RangeEnd = end,
            ProgressNotify = options.ProgressNotify,
            PrevKv = options.PrevKv,
            WatchId = options.WatchId,
            Fragment = options.Fragment,
        };
        if (options.NoPut)
        {
            request.Filters.Add(WatchCreateRequest.Types.FilterType.Noput);
        }

        if (options.NoDelete)
        {
            request.Filters.Add(WatchCreateRequest.Types.FilterType.Nodelete);
        }

        return request;
    }
}
