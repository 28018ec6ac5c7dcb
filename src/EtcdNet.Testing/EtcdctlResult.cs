namespace EtcdNet.Testing;

/// <summary>The outcome of one <see cref="EtcdctlProcess.RunAsync"/>: exit code and everything etcdctl wrote.</summary>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="Stdout">Everything written to standard output.</param>
/// <param name="Stderr">Everything written to standard error.</param>
public sealed record EtcdctlResult(int ExitCode, string Stdout, string Stderr);
