namespace EtcdNet;

/// <summary>
/// One setting of <see cref="EtcdClientOptions"/> that can never work, as <see cref="EtcdClientOptions.FindProblems"/>
/// reports it.
/// </summary>
/// <param name="Setting">The setting, as a configuration path: <c>DialTimeout</c>, <c>Endpoints:2</c>, <c>Tls:ServerName</c>.</param>
/// <param name="Message">What is wrong with it, e.g. <c>must be positive (got -00:00:01)</c>.</param>
public sealed record EtcdOptionsProblem(string Setting, string Message)
{
    /// <summary>The problem in one line: <c>Setting: Message</c>.</summary>
    public override string ToString() => Setting + ": " + Message;

    /// <summary>True when the setting's value is outside its range (an <see cref="ArgumentOutOfRangeException"/> at construction).</summary>
    internal bool OutOfRange { get; init; }

    /// <summary>The rejected value, for <see cref="ArgumentOutOfRangeException.ActualValue"/>.</summary>
    internal object? Value { get; init; }

    /// <summary>Two problems are equal when they name the same setting with the same message.</summary>
    /// <param name="other">The other problem.</param>
    /// <returns>True when both are equal.</returns>
    public bool Equals(EtcdOptionsProblem? other) => other is not null && Setting == other.Setting && Message == other.Message;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Setting, Message);

    internal Exception ToException() => OutOfRange
        ? new ArgumentOutOfRangeException(Setting, Value, ToString())
        : new ArgumentException(ToString(), Setting);
}
