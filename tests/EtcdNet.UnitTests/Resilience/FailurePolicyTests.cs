using EtcdNet.Resilience;

namespace EtcdNet.UnitTests.Resilience;

public class FailurePolicyTests
{
    // A* another endpoint, set this one aside; B retry after backoff; B* the same, set aside; F fail; F* fail, set aside;
    // R authenticate again, repeat once. Columns: read, write (may have been sent), write (certainly not sent), member, stream.
    [Theory]
    [InlineData("Refused", "A*", "A*", "A*", "F", "A*")]
    [InlineData("BlackHole", "A*", "A*", "A*", "F", "A*")]
    [InlineData("Reset", "A*", "F*", "A*", "F", "A*")]
    [InlineData("KeepAliveTimeout", "A*", "F*", "A*", "F", "A*")]
    [InlineData("GoAway", "A*", "F*", "A*", "F", "A*")]
    [InlineData("NotEtcd", "A*", "F*", "A*", "F", "A*")]
    [InlineData("NoLeader", "B*", "F", "F", "F", "B*")]
    [InlineData("LeaderChanged", "B", "F", "F", "F", "B")]
    [InlineData("Unavailable", "B", "F", "F", "F", "B")]
    [InlineData("WrongCredentials", "F", "F", "F", "F", "F")]
    [InlineData("StaleToken", "R", "R", "R", "R", "R")]
    [InlineData("PermissionDenied", "F", "F", "F", "F", "F")]
    [InlineData("Unimplemented", "F", "F", "F", "F", "F")]
    [InlineData("Compacted", "F", "F", "F", "F", "F")]
    [InlineData("RequestTooLarge", "F", "F", "F", "F", "F")]
    [InlineData("Rejected", "F", "F", "F", "F", "F")]
    [InlineData("ServerError", "F", "F", "F", "F", "B")]
    [InlineData("CancelledByCaller", "F", "F", "F", "F", "F")]
    [InlineData("Deadline", "F", "F", "F", "F", "B")]
    public void Every_cell_of_the_table(string failureName, string read, string writeSent, string writeNotSent, string member, string stream)
    {
        var failure = Enum.Parse<FailureKind>(failureName);
        Assert.Equal(read, Code(FailurePolicy.Rule(CallKind.Read, failure, requestSent: true)));
        Assert.Equal(read, Code(FailurePolicy.Rule(CallKind.Read, failure, requestSent: false)));
        Assert.Equal(writeSent, Code(FailurePolicy.Rule(CallKind.Write, failure, requestSent: true)));
        Assert.Equal(writeNotSent, Code(FailurePolicy.Rule(CallKind.Write, failure, requestSent: false)));
        Assert.Equal(member, Code(FailurePolicy.Rule(CallKind.Member, failure, requestSent: true)));
        Assert.Equal(stream, Code(FailurePolicy.Rule(CallKind.Stream, failure, requestSent: true)));
    }

    [Fact]
    public void The_table_has_a_row_for_every_kind()
    {
        var tested = typeof(FailurePolicyTests).GetMethod(nameof(Every_cell_of_the_table))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .Select(a => Enum.Parse<FailureKind>((string)a.GetData(null!).Single()[0]));
        Assert.Equal(Enum.GetValues<FailureKind>().Order(), tested.Order());
    }

    [Theory]
    [InlineData("Read", "Unavailable")]
    [InlineData("Read", "Refused")]
    [InlineData("Write", "Refused")]
    public void The_last_attempt_fails_whatever_the_table_says(string callName, string failureName)
    {
        var (call, failure) = (Enum.Parse<CallKind>(callName), Enum.Parse<FailureKind>(failureName));
        var rule = FailurePolicy.Rule(call, failure, requestSent: false);
        Assert.True(rule.Retries);
        Assert.Equal(rule, FailurePolicy.Decide(call, failure, false, Progress(attempt: 2, maxAttempts: 3)));

        var last = FailurePolicy.Decide(call, failure, false, Progress(attempt: 3, maxAttempts: 3));

        Assert.Equal(FailureAction.Fail, last.Action);
        Assert.Equal(rule.SetAside, last.SetAside); // the endpoint is still blamed
    }

    [Fact]
    public void A_backoff_that_would_outlast_the_deadline_fails_at_once()
    {
        var enough = FailurePolicy.Decide(CallKind.Read, FailureKind.NoLeader, true, Progress(timeLeft: TimeSpan.FromSeconds(1), nextDelay: TimeSpan.FromMilliseconds(100)));
        var tooLittle = FailurePolicy.Decide(CallKind.Read, FailureKind.NoLeader, true, Progress(timeLeft: TimeSpan.FromMilliseconds(100), nextDelay: TimeSpan.FromMilliseconds(100)));
        var noWait = FailurePolicy.Decide(CallKind.Read, FailureKind.Refused, true, Progress(timeLeft: TimeSpan.FromMilliseconds(1), nextDelay: TimeSpan.FromSeconds(1)));

        Assert.Equal(FailureAction.RetryAfterBackoff, enough.Action);
        Assert.Equal(FailureAction.Fail, tooLittle.Action);
        Assert.Equal(FailureAction.TryAnotherEndpoint, noWait.Action); // moving on costs no wait
    }

    [Fact]
    public void No_time_left_fails_even_a_free_retry()
    {
        Assert.Equal(FailureAction.Fail, FailurePolicy.Decide(CallKind.Read, FailureKind.Refused, false, Progress(timeLeft: TimeSpan.Zero)).Action);
    }

    [Fact]
    public void A_refused_token_is_renewed_once_even_on_the_last_attempt()
    {
        Assert.Equal(FailureAction.Reauthenticate, FailurePolicy.Decide(CallKind.Write, FailureKind.StaleToken, true, Progress(attempt: 1, maxAttempts: 1)).Action);
        Assert.Equal(FailureAction.Fail, FailurePolicy.Decide(CallKind.Write, FailureKind.StaleToken, true, Progress(reauthenticated: true)).Action);
    }

    [Fact]
    public void Streams_have_no_attempt_limit_or_deadline()
    {
        var progress = new CallProgress(1000, 3, false, TimeSpan.Zero, TimeSpan.FromHours(1));
        Assert.Equal(FailureAction.RetryAfterBackoff, FailurePolicy.Decide(CallKind.Stream, FailureKind.Unavailable, true, progress).Action);
        Assert.Equal(FailureAction.TryAnotherEndpoint, FailurePolicy.Decide(CallKind.Stream, FailureKind.Reset, true, CallProgress.Stream(false)).Action);
    }

    private static CallProgress Progress(int attempt = 1, int maxAttempts = 10, bool reauthenticated = false, TimeSpan? timeLeft = null, TimeSpan? nextDelay = null)
        => new(attempt, maxAttempts, reauthenticated, timeLeft ?? Timeout.InfiniteTimeSpan, nextDelay ?? TimeSpan.FromMilliseconds(25));

    private static string Code(FailureDecision decision) => decision.Action switch
    {
        FailureAction.TryAnotherEndpoint => "A",
        FailureAction.RetryAfterBackoff => "B",
        FailureAction.Reauthenticate => "R",
        _ => "F",
    } + (decision.SetAside ? "*" : string.Empty);

    [Fact]
    public void A_read_that_requires_a_leader_takes_no_leader_as_its_answer_and_other_failures_as_usual()
    {
        var progress = new CallProgress(1, 10, false, TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(25)) { RequiresLeader = true };

        var noLeader = FailurePolicy.Decide(CallKind.Read, FailureKind.NoLeader, requestSent: true, progress);
        Assert.Equal(FailureAction.Fail, noLeader.Action);
        Assert.True(noLeader.SetAside);
        Assert.Equal(FailureAction.RetryAfterBackoff, FailurePolicy.Decide(CallKind.Read, FailureKind.LeaderChanged, requestSent: true, progress).Action);
        Assert.Equal(FailureAction.RetryAfterBackoff, FailurePolicy.Decide(CallKind.Read, FailureKind.NoLeader, requestSent: true, progress with { RequiresLeader = false }).Action);
    }
}
