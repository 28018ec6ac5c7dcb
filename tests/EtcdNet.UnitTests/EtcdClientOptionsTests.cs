namespace EtcdNet.UnitTests;

public class EtcdClientOptionsTests
{
    private static readonly EtcdClientOptions Valid = new() { Endpoints = ["http://127.0.0.1:2379"] };

    private static ArgumentException Rejects(EtcdClientOptions options)
        => Assert.ThrowsAny<ArgumentException>(() =>
        {
            using var client = new EtcdClient(options);
        });

    [Fact]
    public void Defaults()
    {
        var options = new EtcdClientOptions();
        Assert.Equal(new[] { "http://127.0.0.1:2379" }, options.Endpoints);
        Assert.Equal(TimeSpan.FromSeconds(5), options.DialTimeout);
        Assert.Equal(TimeSpan.FromSeconds(30), options.RequestTimeout);
        Assert.Equal(TimeSpan.FromSeconds(10), options.KeepAliveTime);
        Assert.Equal(TimeSpan.FromSeconds(5), options.KeepAliveTimeout);
        Assert.Equal(2 * 1024 * 1024, options.MaxSendMessageSize);
        Assert.Equal(int.MaxValue, options.MaxReceiveMessageSize);
        Assert.Equal(10, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(1), options.WatchCheckInterval);
        Assert.Null(options.Tls);
        Assert.Equal(TimeSpan.FromSeconds(5), EtcdClientOptions.MinKeepAliveTime);
    }

    [Fact]
    public void Valid_options_create_a_client_without_connecting()
    {
        var options = Valid with { Endpoints = ["h1:2379", "https://h2:2379", "[::1]:2379"], KeepAliveTime = TimeSpan.FromSeconds(5), MaxAttempts = 1, RequestTimeout = Timeout.InfiniteTimeSpan };
        using var client = new EtcdClient(options);
        Assert.Same(options, client.Options);
        Assert.NotNull(client.Kv);
        client.Dispose(); // twice is fine
    }

    [Fact]
    public void Params_constructor()
    {
        using var client = new EtcdClient("h1:2379", "h2:2379");
        Assert.Equal(new[] { "h1:2379", "h2:2379" }, client.Options.Endpoints);
    }

    [Fact]
    public void Rejects_null_options()
    {
        Assert.Throws<ArgumentNullException>(() => new EtcdClient((EtcdClientOptions)null!));
    }

    [Fact]
    public void Rejects_no_endpoints()
    {
        var e = Rejects(Valid with { Endpoints = [] });
        Assert.Equal("Endpoints", e.ParamName);
        Rejects(Valid with { Endpoints = null! });
        Assert.ThrowsAny<ArgumentException>(() => new EtcdClient(Array.Empty<string>()));
    }

    [Theory]
    [InlineData("ftp://h:2379")]
    [InlineData("http://h:2379/v3")]
    [InlineData("http://h:2379?q=1")]
    [InlineData("")]
    [InlineData("http://h:notaport")]
    public void Rejects_a_malformed_endpoint(string endpoint)
    {
        var e = Rejects(Valid with { Endpoints = ["http://ok:2379", endpoint] });
        Assert.Equal("Endpoints:1", e.ParamName);
    }

    [Fact]
    public void FindProblems_ListsEveryBadSetting_WithItsPath_AndNothingForValidOptions()
    {
        var options = Valid with
        {
            Endpoints = ["http://ok:2379", "ftp://h:2379", "http://h:2379/v3"],
            DialTimeout = TimeSpan.Zero,
            KeepAliveTime = TimeSpan.FromSeconds(1),
            MaxAttempts = 0,
            DefaultTtl = TimeSpan.FromMilliseconds(1500),
            Username = "alice",
        };

        var problems = options.FindProblems();

        Assert.Equal(["Endpoints:1", "Endpoints:2", "DialTimeout", "KeepAliveTime", "MaxAttempts", "DefaultTtl", "Password"], problems.Select(p => p.Setting));
        Assert.Equal("DialTimeout: must be positive (got 00:00:00)", problems[2].ToString());
        Assert.Contains("path or query", problems[1].Message, StringComparison.Ordinal);
        Assert.Empty(Valid.FindProblems());
        Assert.Empty(new EtcdClientOptions().FindProblems());
        var first = Assert.ThrowsAny<ArgumentException>(() => new EtcdClient(options));
        Assert.Equal("Endpoints:1", first.ParamName); // the constructor reports the first
    }

    [Fact]
    public void Rejects_more_than_64_endpoints()
    {
        Rejects(Valid with { Endpoints = Enumerable.Range(0, 65).Select(i => $"h{i}:2379").ToArray() });
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1_000)]
    [InlineData(4_999)]
    public void Rejects_KeepAliveTime_under_5_seconds(int milliseconds)
    {
        var e = Rejects(Valid with { KeepAliveTime = TimeSpan.FromMilliseconds(milliseconds) });
        Assert.IsType<ArgumentOutOfRangeException>(e);
        Assert.Equal(nameof(EtcdClientOptions.KeepAliveTime), e.ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Rejects_a_non_positive_WatchCheckInterval(int milliseconds)
    {
        var e = Rejects(Valid with { WatchCheckInterval = TimeSpan.FromMilliseconds(milliseconds) });
        Assert.IsType<ArgumentOutOfRangeException>(e);
        Assert.Equal(nameof(EtcdClientOptions.WatchCheckInterval), e.ParamName);
    }

    [Fact]
    public void Accepts_no_WatchCheckInterval_TheCheckIsThenOff()
    {
        using var client = new EtcdClient(Valid with { WatchCheckInterval = null });
        Assert.Null(client.Options.WatchCheckInterval);
    }

    [Fact]
    public void Accepts_KeepAliveTime_of_exactly_5_seconds()
    {
        using var client = new EtcdClient(Valid with { KeepAliveTime = TimeSpan.FromSeconds(5) });
        Assert.Equal(TimeSpan.FromSeconds(5), client.Options.KeepAliveTime);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(-5000)]
    public void Rejects_non_positive_DialTimeout(int milliseconds)
    {
        var e = Rejects(Valid with { DialTimeout = TimeSpan.FromMilliseconds(milliseconds) });
        Assert.IsType<ArgumentOutOfRangeException>(e);
        Assert.Equal(nameof(EtcdClientOptions.DialTimeout), e.ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void Rejects_non_positive_RequestTimeout_other_than_infinite(int milliseconds)
    {
        var e = Rejects(Valid with { RequestTimeout = TimeSpan.FromMilliseconds(milliseconds) });
        Assert.IsType<ArgumentOutOfRangeException>(e);
        Assert.Equal(nameof(EtcdClientOptions.RequestTimeout), e.ParamName);
    }

    [Fact]
    public void Rejects_a_RequestTimeout_longer_than_a_deadline_timer_supports()
    {
        // RpcInvoker arms the deadline with CancellationTokenSource.CancelAfter, which throws for
        // delays over 0xFFFFFFFE ms (about 49.7 days). Such a timeout must be rejected up front,
        // not accepted here and then fail every call with ArgumentOutOfRangeException("delay").
        var e = Rejects(Valid with { RequestTimeout = TimeSpan.FromDays(50) });
        Assert.Equal(nameof(EtcdClientOptions.RequestTimeout), e.ParamName);
    }

    [Fact]
    public void Accepts_a_long_but_supported_RequestTimeout()
    {
        using var client = new EtcdClient(Valid with { RequestTimeout = TimeSpan.FromDays(49) });
        Assert.Equal(TimeSpan.FromDays(49), client.Options.RequestTimeout);
    }

    [Fact]
    public void Rejects_non_positive_KeepAliveTimeout()
    {
        var e = Rejects(Valid with { KeepAliveTimeout = TimeSpan.Zero });
        Assert.IsType<ArgumentOutOfRangeException>(e);
        Assert.Equal(nameof(EtcdClientOptions.KeepAliveTimeout), e.ParamName);
    }

    [Fact]
    public void Rejects_what_the_HTTP_handler_would_refuse_later_and_accepts_its_limits()
    {
        // SocketsHttpHandler takes a ping timeout of at least 1 s and a connect timeout of at most int.MaxValue ms.
        Assert.Equal(nameof(EtcdClientOptions.KeepAliveTimeout), Rejects(Valid with { KeepAliveTimeout = TimeSpan.FromMilliseconds(500) }).ParamName);
        Assert.Equal(nameof(EtcdClientOptions.DialTimeout), Rejects(Valid with { DialTimeout = TimeSpan.FromDays(25) }).ParamName);
        using var client = new EtcdClient(Valid with { KeepAliveTimeout = TimeSpan.FromDays(60), DialTimeout = TimeSpan.FromDays(24) });
        Assert.Empty(client.Options.FindProblems());
    }

    [Fact]
    public void Problems_are_equal_by_setting_and_message()
    {
        var found = Assert.Single((Valid with { MaxAttempts = 0 }).FindProblems());
        Assert.Equal(new EtcdOptionsProblem("MaxAttempts", "must be at least 1 (got 0)"), found);
        Assert.Equal(new EtcdOptionsProblem("MaxAttempts", "must be at least 1 (got 0)").GetHashCode(), found.GetHashCode());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Rejects_MaxAttempts_under_1(int maxAttempts)
    {
        var e = Rejects(Valid with { MaxAttempts = maxAttempts });
        Assert.IsType<ArgumentOutOfRangeException>(e);
        Assert.Equal(nameof(EtcdClientOptions.MaxAttempts), e.ParamName);
    }

    [Fact]
    public void MaxAttempts_is_a_shortcut_for_the_retry_options()
    {
        var options = Valid with { Retry = EtcdRetryOptions.Default with { StreamBackoff = new EtcdBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)) }, MaxAttempts = 3 };

        Assert.Equal(3, options.Retry.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(1), options.Retry.StreamBackoff.Delay); // the rest of Retry stays
        Assert.Equal(10, EtcdRetryOptions.Default.MaxAttempts);
    }

    [Fact]
    public void Rejects_backoffs_that_cannot_work()
    {
        var options = Valid with
        {
            Retry = EtcdRetryOptions.Default with
            {
                CallBackoff = new EtcdBackoff(TimeSpan.Zero, TimeSpan.FromSeconds(1)),
                EndpointBackoff = new EtcdBackoff(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1)),
                StreamBackoff = null!,
            },
        };

        Assert.Equal(
            ["Retry:CallBackoff:Delay", "Retry:StreamBackoff", "Retry:EndpointBackoff:MaxDelay"],
            options.FindProblems().Select(p => p.Setting));
    }

    [Fact]
    public void A_backoff_doubles_up_to_its_largest_step_and_jitters_within_half_of_it()
    {
        var backoff = new EtcdBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(700));

        Assert.Equal([100, 200, 400, 700, 700], Enumerable.Range(0, 5).Select(i => backoff.Step(i).TotalMilliseconds));
        for (var i = 0; i < 200; i++)
        {
            var wait = backoff.Next(1);
            Assert.InRange(wait, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200));
        }
    }

    [Fact]
    public void Rejects_message_size_limits_under_1_KiB()
    {
        Assert.Equal(nameof(EtcdClientOptions.MaxSendMessageSize), Rejects(Valid with { MaxSendMessageSize = 1023 }).ParamName);
        Assert.Equal(nameof(EtcdClientOptions.MaxReceiveMessageSize), Rejects(Valid with { MaxReceiveMessageSize = 0 }).ParamName);
        using var client = new EtcdClient(Valid with { MaxSendMessageSize = 1024, MaxReceiveMessageSize = 1024 });
    }
}
