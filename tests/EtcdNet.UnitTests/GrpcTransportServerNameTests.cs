using System.Globalization;
using EtcdNet.Protocol.Rpc;
using EtcdNet.Transport;

namespace EtcdNet.UnitTests;

/// <summary>
/// SocketsHttpHandler overwrites SslOptions.TargetHost with the request's host; the transport sends
/// EtcdTlsOptions.ServerName as the Host so that it becomes the TLS server name (SNI).
/// </summary>
public sealed class GrpcTransportServerNameTests : IDisposable
{
    private static readonly GrpcMethod<RangeRequest, RangeResponse> Range = new("etcdserverpb.KV", "Range", RangeResponse.Parser, MethodType.Unary, true);

    private readonly LoopbackTlsServer _server;

    public GrpcTransportServerNameTests()
    {
        using var ca = TlsTestCertificates.CreateCa("ca");
        _server = new LoopbackTlsServer(TlsTestCertificates.CreateServer(ca));
    }

    public void Dispose() => _server.Dispose();

    [Theory]
    [InlineData("etcd.internal", "etcd.internal")]
    [InlineData(null, "")] // an IP address is never sent as SNI
    public async Task ServerName_IsSentAsSni(string? serverName, string expectedSni)
    {
        var tls = new EtcdTlsOptions { ServerName = serverName, SkipServerCertificateValidation = true };
        using var transport = new GrpcTransport(new TransportSettings(
            TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), 1 << 20, 1 << 20, tls.ToSslOptions(), "test"));
        var endpoint = GrpcEndpoint.Parse(string.Create(CultureInfo.InvariantCulture, $"https://127.0.0.1:{_server.Port}"));

        // The server closes after the handshake, so the call fails; only the handshake matters here.
        await Assert.ThrowsAnyAsync<Exception>(() => transport.UnaryAsync(endpoint, Range, new RangeRequest(), CallHeaders.None, CancellationToken.None));

        Assert.Equal(expectedSni, await _server.FirstServerName.WaitAsync(TimeSpan.FromSeconds(5)));
    }
}
