using EtcdNet.Cluster;

namespace EtcdNet.UnitTests;

public class MemberUrlsTests
{
    [Fact]
    public void A_tls_only_client_never_takes_plain_text_member_urls()
    {
        string[] urls = ["http://10.0.0.1:2379", "https://10.0.0.1:2379", "HTTPS://10.0.0.2:2379"];

        Assert.Equal(["https://10.0.0.1:2379", "HTTPS://10.0.0.2:2379"], MemberUrls.Usable(urls, requireTls: true));
        Assert.Equal(urls, MemberUrls.Usable(urls, requireTls: false));
    }
}
