using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace EtcdNet.UnitTests;

/// <summary>Real TLS handshakes (SslStream on loopback) checked by the validation EtcdTlsOptions builds.</summary>
public sealed class TlsServerValidationTests : IDisposable
{
    private readonly X509Certificate2 _ca = TlsTestCertificates.CreateCa("EtcdNet unit test CA");
    private readonly X509Certificate2 _otherCa = TlsTestCertificates.CreateCa("Some other CA");
    private readonly LoopbackTlsServer _server;

    public TlsServerValidationTests() => _server = new LoopbackTlsServer(TlsTestCertificates.CreateServer(_ca));

    public void Dispose()
    {
        _server.Dispose();
        _ca.Dispose();
        _otherCa.Dispose();
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task TrustedCa_AcceptsTheServer_ForEitherNameInItsCertificate(string host)
    {
        await HandshakeAsync(new EtcdTlsOptions { TrustedCertificateAuthorities = [TlsTestCertificates.PublicOnly(_ca)] }, host);
    }

    [Fact]
    public async Task ServerName_IsVerifiedInsteadOfTheHost()
    {
        var trusted = new EtcdTlsOptions { TrustedCertificateAuthorities = [TlsTestCertificates.PublicOnly(_ca)] };

        await HandshakeAsync(trusted with { ServerName = "localhost" }, "127.0.0.1");
        var error = await Assert.ThrowsAsync<AuthenticationException>(() => HandshakeAsync(trusted with { ServerName = "wrong.example" }, "127.0.0.1"));

        Assert.StartsWith("the server certificate does not match the name 'wrong.example' (EtcdTlsOptions.ServerName): certificate 'CN=localhost', valid for localhost, 127.0.0.1, issued by 'CN=EtcdNet unit test CA'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostMismatch_WithoutServerName_SuggestsServerName()
    {
        var error = await Assert.ThrowsAsync<AuthenticationException>(() => HandshakeAsync(new EtcdTlsOptions { TrustedCertificateAuthorities = [TlsTestCertificates.PublicOnly(_ca)] }, "etcd.example"));

        Assert.Contains("does not match the name 'etcd.example' (the endpoint's host; set EtcdTlsOptions.ServerName to verify another name)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongCa_IsRejectedNamingTheCause()
    {
        var error = await Assert.ThrowsAsync<AuthenticationException>(() => HandshakeAsync(new EtcdTlsOptions { TrustedCertificateAuthorities = [TlsTestCertificates.PublicOnly(_otherCa)] }, "127.0.0.1"));

        Assert.StartsWith("the server certificate is not trusted: it does not chain to a certificate authority in EtcdTlsOptions.TrustedCertificateAuthorities (", error.Message, StringComparison.Ordinal);
        Assert.Contains("issued by 'CN=EtcdNet unit test CA'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SystemTrustStore_RejectsAnUnknownCa_SuggestingTrustedCertificateAuthorities()
    {
        var error = await Assert.ThrowsAsync<AuthenticationException>(() => HandshakeAsync(new EtcdTlsOptions(), "localhost"));

        Assert.Contains("it does not chain to a certificate authority in the system trust store (set EtcdTlsOptions.TrustedCertificateAuthorities to the CA that signed it)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SkipServerCertificateValidation_AcceptsAnyCertificate()
    {
        await HandshakeAsync(new EtcdTlsOptions { SkipServerCertificateValidation = true }, "wrong.example");
        await HandshakeAsync(new EtcdTlsOptions { SkipServerCertificateValidation = true, TrustedCertificateAuthorities = [TlsTestCertificates.PublicOnly(_otherCa)], ServerName = "wrong.example" }, "127.0.0.1");
    }

    /// <summary>A client handshake as SocketsHttpHandler does it: TargetHost is the request's host.</summary>
    private async Task HandshakeAsync(EtcdTlsOptions options, string host)
    {
        var ssl = options.ToSslOptions();
        ssl.TargetHost = options.ServerName ?? host;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", _server.Port);
        await using var stream = new SslStream(tcp.GetStream());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await stream.AuthenticateAsClientAsync(ssl, timeout.Token);
    }
}
