using EtcdNet.Cli.Output;

namespace EtcdNet.Cli.Check;

/// <summary>
/// Judges a <c>check datascale</c> run as etcdctl 3.4 does: it fails when any put failed, and otherwise reports the
/// growth of the member's resident memory over the run in MiB, with two decimals (negative when it shrank).
/// </summary>
internal static class DatascaleVerdict
{
    private const double BytesPerMiB = 1024 * 1024;

    /// <summary>The verdict on the failed puts <paramref name="errors"/> and the resident memory before and after, in bytes.</summary>
    public static CheckVerdict Judge(IReadOnlyDictionary<string, long> errors, double bytesBefore, double bytesAfter)
    {
        var failures = CheckErrorLines.For(errors);
        if (failures.Count > 0)
        {
            return new CheckVerdict(failures, Passed: false);
        }

        var used = (bytesAfter - bytesBefore) / BytesPerMiB;
        return new CheckVerdict([$"PASS: Approximate system memory used : {GoFixed.Format(used, 2)} MB."], Passed: true);
    }
}
