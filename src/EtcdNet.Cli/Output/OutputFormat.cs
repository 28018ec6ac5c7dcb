namespace EtcdNet.Cli.Output;

/// <summary>The <c>--write-out</c> formats (etcdctl's names).</summary>
internal enum OutputFormat
{
    /// <summary>Human-readable lines (the default).</summary>
    Simple,

    /// <summary>The response as JSON, as etcdctl prints it.</summary>
    Json,

    /// <summary>An ASCII table, where etcdctl defines one.</summary>
    Table,

    /// <summary>"Name" : value lines, one per field.</summary>
    Fields,

    /// <summary>The raw protobuf response bytes.</summary>
    Protobuf,
}
