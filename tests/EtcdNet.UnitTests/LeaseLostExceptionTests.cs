namespace EtcdNet.UnitTests;

public sealed class LeaseLostExceptionTests
{
    [Theory]
    [InlineData(LeaseLostReason.Expired, GrpcStatusCode.DeadlineExceeded, "expired without a successful renewal")]
    [InlineData(LeaseLostReason.NotFound, GrpcStatusCode.NotFound, "reported it gone")]
    [InlineData(LeaseLostReason.ClientDisposed, GrpcStatusCode.Cancelled, "client was disposed")]
    public void TheMessage_SaysWhyTheLeaseIsLost(LeaseLostReason reason, GrpcStatusCode code, string text)
    {
        var error = new EtcdLeaseLostException(0x1234abcd, reason);
        Assert.Equal(0x1234abcd, error.LeaseId);
        Assert.Equal(reason, error.Reason);
        Assert.Equal(code, error.StatusCode);
        Assert.Contains(text, error.Message, StringComparison.Ordinal);
        Assert.Contains("1234abcd", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsTransient);
        Assert.IsAssignableFrom<EtcdException>(error);
    }
}
