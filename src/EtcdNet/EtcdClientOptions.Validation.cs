using System.Globalization;

namespace EtcdNet;

public sealed partial record EtcdClientOptions
{
    // Timers take at most uint.MaxValue - 1 milliseconds (about 49.7 days); a socket connect timeout at most
    // int.MaxValue milliseconds (about 24.8 days); an HTTP/2 ping timeout at least 1 s.
    private static readonly TimeSpan MaxTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1.0);
    private static readonly TimeSpan MaxDialTimeout = TimeSpan.FromMilliseconds(int.MaxValue);
    private static readonly TimeSpan MinKeepAliveTimeout = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Checks every setting and returns each one that can never work, in the order of the properties (empty when
    /// the options are valid). <see cref="EtcdClient"/>'s constructor throws for the first of them; this lists them
    /// all, for example to report a whole configuration section at once.
    /// </summary>
    /// <returns>The problems found; empty when none.</returns>
    public IReadOnlyList<EtcdOptionsProblem> FindProblems()
    {
        var problems = new List<EtcdOptionsProblem>();
        CheckEndpoints(problems);
        CheckTimeout(problems, nameof(DialTimeout), DialTimeout, MaxDialTimeout);
        if (RequestTimeout != Timeout.InfiniteTimeSpan)
        {
            CheckTimeout(problems, nameof(RequestTimeout), RequestTimeout);
        }

        if (KeepAliveTime < MinKeepAliveTime)
        {
            problems.Add(OutOfRange(nameof(KeepAliveTime), KeepAliveTime, $"must be at least 5 s: etcd closes connections that ping more often (got {KeepAliveTime})"));
        }

        if (KeepAliveTimeout < MinKeepAliveTimeout)
        {
            problems.Add(OutOfRange(nameof(KeepAliveTimeout), KeepAliveTimeout, $"must be at least 1 s (got {KeepAliveTimeout})"));
        }

        CheckAtLeast(problems, nameof(MaxSendMessageSize), MaxSendMessageSize, 1024);
        CheckAtLeast(problems, nameof(MaxReceiveMessageSize), MaxReceiveMessageSize, 1024);
        CheckRetry(problems);
        CheckProtocol(problems);
        CheckHeaders(problems);
        CheckProxy(problems);
        if (AutoSyncInterval is { } interval)
        {
            CheckTimeout(problems, nameof(AutoSyncInterval), interval);
        }

        if (WatchCheckInterval is { } watchCheck)
        {
            CheckTimeout(problems, nameof(WatchCheckInterval), watchCheck, MaxTimer / 2); // the check waits twice the interval
        }

        if (DefaultTtl is { } ttl && Kv.KvClient.TtlProblem(ttl) is { } ttlProblem)
        {
            problems.Add(OutOfRange(nameof(DefaultTtl), ttl, ttlProblem));
        }

        if ((Username is null) != (Password is null))
        {
            problems.Add(new EtcdOptionsProblem(Username is null ? nameof(Username) : nameof(Password), "set both Username and Password, or neither"));
        }
        else if (Username is { Length: 0 })
        {
            problems.Add(new EtcdOptionsProblem(nameof(Username), "must not be empty"));
        }

        Tls?.AddProblems(problems, nameof(Tls));
        return problems;
    }

    /// <summary>Throws for the first problem <see cref="FindProblems"/> finds.</summary>
    internal void Validate()
    {
        if (FindProblems() is [var first, ..])
        {
            throw first.ToException();
        }
    }

    private void CheckEndpoints(List<EtcdOptionsProblem> problems)
    {
        if (Endpoints is null || Endpoints.Count == 0)
        {
            problems.Add(new EtcdOptionsProblem(nameof(Endpoints), "at least one endpoint is required"));
            return;
        }

        if (Endpoints.Count > Resilience.EndpointPool.MaxEndpoints)
        {
            problems.Add(new EtcdOptionsProblem(nameof(Endpoints), $"at most {Resilience.EndpointPool.MaxEndpoints} endpoints are supported (got {Endpoints.Count})"));
        }

        for (var i = 0; i < Endpoints.Count; i++)
        {
            if (Transport.GrpcEndpoint.Problem(Endpoints[i]) is { } problem)
            {
                problems.Add(new EtcdOptionsProblem($"{nameof(Endpoints)}:{i.ToString(CultureInfo.InvariantCulture)}", problem));
            }
        }
    }

    private void CheckRetry(List<EtcdOptionsProblem> problems)
    {
        if (Retry is null)
        {
            problems.Add(new EtcdOptionsProblem(nameof(Retry), "must not be null"));
            return;
        }

        CheckAtLeast(problems, nameof(MaxAttempts), Retry.MaxAttempts, 1);
        CheckBackoff(problems, $"{nameof(Retry)}:{nameof(EtcdRetryOptions.CallBackoff)}", Retry.CallBackoff);
        CheckBackoff(problems, $"{nameof(Retry)}:{nameof(EtcdRetryOptions.StreamBackoff)}", Retry.StreamBackoff);
        CheckBackoff(problems, $"{nameof(Retry)}:{nameof(EtcdRetryOptions.EndpointBackoff)}", Retry.EndpointBackoff);
        if (TimeProvider is null)
        {
            problems.Add(new EtcdOptionsProblem(nameof(TimeProvider), "must not be null"));
        }
    }

    private static void CheckBackoff(List<EtcdOptionsProblem> problems, string setting, EtcdBackoff? backoff)
    {
        if (backoff is null)
        {
            problems.Add(new EtcdOptionsProblem(setting, "must not be null"));
            return;
        }

        CheckTimeout(problems, $"{setting}:{nameof(EtcdBackoff.Delay)}", backoff.Delay);
        CheckTimeout(problems, $"{setting}:{nameof(EtcdBackoff.MaxDelay)}", backoff.MaxDelay);
        if (backoff.MaxDelay < backoff.Delay)
        {
            problems.Add(OutOfRange($"{setting}:{nameof(EtcdBackoff.MaxDelay)}", backoff.MaxDelay, $"must be at least Delay ({backoff.Delay}) (got {backoff.MaxDelay})"));
        }
    }

    private static void CheckTimeout(List<EtcdOptionsProblem> problems, string setting, TimeSpan value, TimeSpan? max = null)
    {
        var limit = max ?? MaxTimer;
        if (value <= TimeSpan.Zero)
        {
            problems.Add(OutOfRange(setting, value, $"must be positive (got {value})"));
        }
        else if (value > limit)
        {
            problems.Add(OutOfRange(setting, value, $"must be at most {limit.TotalDays:0.#} days (got {value})"));
        }
    }

    private static void CheckAtLeast(List<EtcdOptionsProblem> problems, string setting, int value, int minimum)
    {
        if (value < minimum)
        {
            problems.Add(OutOfRange(setting, value, $"must be at least {minimum.ToString(CultureInfo.InvariantCulture)} (got {value.ToString(CultureInfo.InvariantCulture)})"));
        }
    }

    private static EtcdOptionsProblem OutOfRange(string setting, object value, string message)
        => new(setting, message) { OutOfRange = true, Value = value };
}
