using EtcdNet.Watch;

namespace EtcdNet.UnitTests;

public class WatcherTests
{
    private static WatchResponse Response(long revision) => new(new ResponseHeader(1, 1, revision, 1), [], 0, false, false, 0, null);

    private static Watcher NewWatcher(int bufferSize = 4, long start = 0)
    {
        var options = new WatchOptions { BufferSize = bufferSize, StartRevision = start };
        return new Watcher(WatchRequests.Create("k", options), options);
    }

    [Fact]
    public void Resume_point_starts_at_the_requested_revision_and_is_sent_on_each_create()
    {
        var watcher = NewWatcher(start: 10);
        Assert.Equal(10, watcher.CreateRequest(generation: 1).StartRevision);

        watcher.NextRevision = 25;

        Assert.Equal(25, watcher.CreateRequest(generation: 2).StartRevision);
        Assert.Equal(0, watcher.Template.StartRevision); // the template stays untouched
    }

    [Fact]
    public void A_user_watch_id_is_sent_only_on_the_first_create_per_stream()
    {
        var options = new WatchOptions { WatchId = 7 };
        var watcher = new Watcher(WatchRequests.Create("k", options), options);

        Assert.Equal(7, watcher.CreateRequest(generation: 1).WatchId);
        Assert.Equal(0, watcher.CreateRequest(generation: 1).WatchId); // re-create on the same stream
        Assert.Equal(7, watcher.CreateRequest(generation: 2).WatchId); // a new stream
        Assert.Equal(7, watcher.ReportedId(serverId: 3));
    }

    [Fact]
    public void The_buffer_is_bounded_and_resumes_only_after_half_is_read()
    {
        var watcher = NewWatcher(bufferSize: 4);
        for (var i = 0; i < 4; i++)
        {
            Assert.True(watcher.TryDeliver(Response(i)));
        }

        Assert.False(watcher.TryDeliver(Response(99)));
        watcher.Overflowed = true;
        Assert.False(watcher.CanResumeAfterOverflow);

        Assert.True(watcher.Reader.TryRead(out _));
        Assert.False(watcher.CanResumeAfterOverflow); // 3 of 4 still buffered
        Assert.True(watcher.Reader.TryRead(out _));
        Assert.True(watcher.CanResumeAfterOverflow); // half free
    }

    [Fact]
    public async Task Close_with_an_error_ends_the_reader_after_the_buffered_responses()
    {
        var watcher = NewWatcher();
        Assert.True(watcher.TryDeliver(Response(1)));

        watcher.Close(new EtcdCompactedException("gone", 5));

        Assert.True(watcher.Closed);
        Assert.False(watcher.TryDeliver(Response(2)));
        Assert.True(watcher.Reader.TryRead(out var buffered));
        Assert.Equal(1, buffered.Header.Revision);
        var error = await Assert.ThrowsAsync<EtcdCompactedException>(async () => await watcher.Reader.WaitToReadAsync());
        Assert.Equal(5, error.CompactRevision);
    }

    [Theory]
    [InlineData(0, false, false, 0, 5, true)]
    [InlineData(1, false, false, 0, 5, false)]
    [InlineData(0, true, false, 0, 5, false)]
    [InlineData(0, false, true, 0, 5, false)]
    [InlineData(0, false, false, 3, 5, false)]
    [InlineData(0, false, false, 0, 0, false)]
    public void IsProgressNotify_matches_etcds_definition(int events, bool created, bool canceled, long compactRevision, long revision, bool expected)
    {
        var list = Enumerable.Range(0, events).Select(_ => new WatchEvent(new Protocol.Mvcc.Event { Kv = new Protocol.Mvcc.KeyValue() })).ToList();
        var response = new WatchResponse(new ResponseHeader(1, 1, revision, 1), list, 0, created, canceled, compactRevision, null);

        Assert.Equal(expected, response.IsProgressNotify);
    }
}
