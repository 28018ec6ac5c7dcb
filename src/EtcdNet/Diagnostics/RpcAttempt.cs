using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using EtcdNet.Errors;
using EtcdNet.Transport;

namespace EtcdNet.Diagnostics;

/// <summary>
/// The telemetry of one unary RPC attempt: a client span (when a listener samples it), the in-flight
/// count, and the duration histogram. <see cref="Start"/> returns null when nothing listens, so an
/// attempt nobody observes allocates nothing. Listener exceptions are swallowed: observing a call
/// never changes its outcome.
/// </summary>
internal sealed class RpcAttempt
{
    private readonly string _service;
    private readonly string _method;
    private readonly GrpcEndpoint _endpoint;
    private readonly long _started;
    private readonly bool _counted;
    private Activity? _activity;

    private RpcAttempt(string service, string method, GrpcEndpoint endpoint, bool counted)
    {
        _service = service;
        _method = method;
        _endpoint = endpoint;
        _counted = counted;
        _started = Stopwatch.GetTimestamp();
    }

    /// <summary>Starts observing an attempt of <paramref name="service"/>/<paramref name="method"/> on <paramref name="endpoint"/>; null when nothing listens.</summary>
    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "A failing listener must not fail the call.")]
    public static RpcAttempt? Start(string service, string method, GrpcEndpoint endpoint)
    {
        var traced = EtcdTelemetry.Source.HasListeners();
        var counted = EtcdTelemetry.ActiveCalls.Enabled;
        if (!traced && !counted && !EtcdTelemetry.CallDuration.Enabled)
        {
            return null;
        }

        var attempt = new RpcAttempt(service, method, endpoint, counted);
        if (counted)
        {
            try
            {
                EtcdTelemetry.ActiveCalls.Add(1, CommonTags(service, method, endpoint));
            }
            catch (Exception)
            {
                // a metrics listener failed: the call goes on
            }
        }

        if (traced)
        {
            var parent = Activity.Current;
            try
            {
                attempt._activity = EtcdTelemetry.Source.StartActivity(RpcTags.SpanName(service, method), ActivityKind.Client);
                if (attempt._activity is { IsAllDataRequested: true } activity)
                {
                    activity.SetTag(RpcTags.System, RpcTags.Grpc);
                    activity.SetTag(RpcTags.Service, service);
                    activity.SetTag(RpcTags.Method, method);
                    activity.SetTag(RpcTags.ServerAddress, RpcTags.Host(endpoint));
                    activity.SetTag(RpcTags.ServerPort, RpcTags.Port(endpoint));
                }
            }
            catch (Exception)
            {
                // An activity listener failed after the span was started: keep it, so that it is
                // stopped (and the caller's current activity restored) when the attempt ends.
                if (Activity.Current is { } current && current != parent && current.Source == EtcdTelemetry.Source)
                {
                    attempt._activity = current;
                }
            }
        }

        return attempt;
    }

    /// <summary>
    /// Ends the attempt: null <paramref name="error"/> for success. A cancellation is recorded as
    /// <c>DEADLINE_EXCEEDED</c> when <paramref name="deadlineExpired"/> (the call's own timeout ended it), else <c>CANCELLED</c>.
    /// </summary>
    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "A failing listener must not fail the call.")]
    public void Stop(Exception? error, bool deadlineExpired = false)
    {
        var code = StatusOf(error, deadlineExpired);
        if (_counted)
        {
            try
            {
                EtcdTelemetry.ActiveCalls.Add(-1, CommonTags(_service, _method, _endpoint));
            }
            catch (Exception)
            {
                // a metrics listener failed
            }
        }

        if (EtcdTelemetry.CallDuration.Enabled)
        {
            try
            {
                var tags = CommonTags(_service, _method, _endpoint);
                tags.Add(RpcTags.StatusCode, (int)code);
                EtcdTelemetry.CallDuration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, tags);
            }
            catch (Exception)
            {
                // a metrics listener failed
            }
        }

        if (_activity is not { } activity)
        {
            return;
        }

        try
        {
            activity.SetTag(RpcTags.StatusCode, (int)code);
            if (error is not null)
            {
                activity.SetTag(RpcTags.ErrorType, error is GrpcCallException ? code.ToString() : error.GetType().FullName);
                activity.SetStatus(ActivityStatusCode.Error, error.Message);
            }

            activity.Dispose();
        }
        catch (Exception)
        {
            // an activity listener failed
        }
    }

    private static TagList CommonTags(string service, string method, GrpcEndpoint endpoint) => new()
    {
        { RpcTags.System, RpcTags.Grpc },
        { RpcTags.Service, service },
        { RpcTags.Method, method },
        { RpcTags.ServerAddress, RpcTags.Host(endpoint) },
        { RpcTags.ServerPort, RpcTags.Port(endpoint) },
    };

    private static GrpcStatusCode StatusOf(Exception? error, bool deadlineExpired) => error switch
    {
        null => GrpcStatusCode.OK,
        GrpcCallException failure => failure.Status.Code,
        OperationCanceledException => deadlineExpired ? GrpcStatusCode.DeadlineExceeded : GrpcStatusCode.Cancelled,
        _ => GrpcStatusCode.Unknown,
    };
}
