using EtcdNet.IntegrationTests.Infrastructure;

namespace EtcdNet.IntegrationTests;

// The same test bodies over etcd's HTTP/JSON gateway (EtcdProtocol.JsonGateway, the API prefix detected from
// /version): KV, transactions, compaction, leases, watches, auth, and every revision once while members are killed.

[Collection(SingleMemberCollection.Name)]
public sealed class TxnTestsOverGateway(SingleMemberFixture fixture, ITestOutputHelper output) : TxnTests(fixture, output)
{
    protected override EtcdProtocol ClientProtocol => EtcdProtocol.JsonGateway;
}

[Collection(SingleMemberCollection.Name)]
public sealed class GetOptionsTestsOverGateway(SingleMemberFixture fixture, ITestOutputHelper output) : GetOptionsTests(fixture, output)
{
    protected override EtcdProtocol ClientProtocol => EtcdProtocol.JsonGateway;
}

[Collection(SingleMemberCollection.Name)]
public sealed class PutOptionsTestsOverGateway(SingleMemberFixture fixture, ITestOutputHelper output) : PutOptionsTests(fixture, output)
{
    protected override EtcdProtocol ClientProtocol => EtcdProtocol.JsonGateway;
}

[Collection(SingleMemberCollection.Name)]
public sealed class DeleteOptionsTestsOverGateway(SingleMemberFixture fixture, ITestOutputHelper output) : DeleteOptionsTests(fixture, output)
{
    protected override EtcdProtocol ClientProtocol => EtcdProtocol.JsonGateway;
}

[Collection(SingleMemberCollection.Name)]
public sealed class WatchOptionsTestsOverGateway(SingleMemberFixture fixture, ITestOutputHelper output) : WatchOptionsTests(fixture, output)
{
    protected override EtcdProtocol ClientProtocol => EtcdProtocol.JsonGateway;
}

public sealed class CompactTestsOverGateway(ITestOutputHelper output) : CompactTests(output)
{
    protected override EtcdProtocol ClientProtocol => EtcdProtocol.JsonGateway;
}

public sealed class AuthTestsOverGateway(ITestOutputHelper output) : AuthTests(output)
{
    protected override EtcdProtocol ClientProtocol => EtcdProtocol.JsonGateway;
}

[Collection(LeaseKeepAliveCollection.Name)]
public sealed class LeaseKeepAliveTestsOverGateway(ITestOutputHelper output) : LeaseKeepAliveTests(output)
{
    protected override EtcdProtocol ClientProtocol => EtcdProtocol.JsonGateway;
}

[Collection(LeaseKeepAliveCollection.Name)]
public sealed class LeaseKeepAliveOnceTestsOverGateway(ITestOutputHelper output) : LeaseKeepAliveOnceTests(output)
{
    protected override EtcdProtocol ClientProtocol => EtcdProtocol.JsonGateway;
}

public sealed class WatchResilienceTestsOverGateway(ITestOutputHelper output) : WatchResilienceTests(output)
{
    protected override EtcdProtocol ClientProtocol => EtcdProtocol.JsonGateway;
}
