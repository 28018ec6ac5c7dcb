namespace EtcdNet.Cli.Errors;

/// <summary>Process exit codes, the same numbers etcdctl uses.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Error = 1;
    public const int BadConnection = 2;
    public const int InvalidInput = 3;
    public const int BadFeature = 4;
    public const int Interrupted = 5;
    public const int IO = 6;
    public const int BadArgs = 128;
}
