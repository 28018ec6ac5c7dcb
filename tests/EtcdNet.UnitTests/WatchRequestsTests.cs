using EtcdNet.Protocol.Rpc;
using EtcdNet.Watch;
using Google.Protobuf;

namespace EtcdNet.UnitTests;

public class WatchRequestsTests
{
    [Fact]
    public void Every_option_reaches_the_create_request()
    {
        var request = WatchRequests.Create("k", new WatchOptions
        {
            ProgressNotify = true,
            PrevKv = true,
            WatchId = 7,
            Fragment = true,
            NoPut = true,
            NoDelete = true,
        });

        Assert.Equal("k", request.Key.ToStringUtf8());
        Assert.True(request.RangeEnd.IsEmpty);
        Assert.True(request.ProgressNotify);
        Assert.True(request.PrevKv);
        Assert.Equal(7, request.WatchId);
        Assert.True(request.Fragment);
        Assert.Equal([WatchCreateRequest.Types.FilterType.Noput, WatchCreateRequest.Types.FilterType.Nodelete], request.Filters);
    }

    [Fact]
    public void Ranges_use_the_same_encoding_as_reads()
    {
        Assert.Equal("l", WatchRequests.Create("k", new WatchOptions { Prefix = true }).RangeEnd.ToStringUtf8());
        Assert.Equal(ByteString.CopyFrom(0), WatchRequests.Create("k", new WatchOptions { FromKey = true }).RangeEnd);
        Assert.Equal("z", WatchRequests.Create("k", new WatchOptions { RangeEnd = "z" }).RangeEnd.ToStringUtf8());
        var all = WatchRequests.Create("", new WatchOptions { Prefix = true });
        Assert.Equal(ByteString.CopyFrom(0), all.Key);
        Assert.Equal(ByteString.CopyFrom(0), all.RangeEnd);
    }

    [Fact]
    public void The_start_revision_is_not_part_of_the_template()
        => Assert.Equal(0, WatchRequests.Create("k", new WatchOptions { StartRevision = 42 }).StartRevision);

    [Fact]
    public void Invalid_options_fail_fast()
    {
        Assert.Throws<ArgumentException>(() => WatchRequests.Create("", new WatchOptions()));
        Assert.Throws<ArgumentException>(() => WatchRequests.Create("k", new WatchOptions { Prefix = true, FromKey = true }));
        Assert.Throws<ArgumentOutOfRangeException>(() => WatchRequests.Create("k", new WatchOptions { StartRevision = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => WatchRequests.Create("k", new WatchOptions { WatchId = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => WatchRequests.Create("k", new WatchOptions { BufferSize = 1 }));
    }
}
