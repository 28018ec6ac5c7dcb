namespace EtcdNet.Cli.Output;

/// <summary>The response header as etcdctl prints it in json and fields output.</summary>
internal static class HeaderPrinter
{
    /// <summary>Writes <c>"header":{"cluster_id":…,"member_id":…,"revision":…,"raft_term":…}</c> (zero fields omitted, as Go does).</summary>
    public static GoJson WriteHeader(this GoJson json, ResponseHeader header) =>
        json.Name("header").StartObject().WriteHeaderFields(header).EndObject();

    /// <summary>Writes the header's fields into the open object, zero ones left out (Go's omitempty).</summary>
    public static GoJson WriteHeaderFields(this GoJson json, ResponseHeader header)
    {
        if (header.ClusterId != 0)
        {
            json.Field("cluster_id", header.ClusterId);
        }

        if (header.MemberId != 0)
        {
            json.Field("member_id", header.MemberId);
        }

        if (header.Revision != 0)
        {
            json.Field("revision", header.Revision);
        }

        if (header.RaftTerm != 0)
        {
            json.Field("raft_term", header.RaftTerm);
        }

        return json;
    }

    /// <summary>Writes the four header lines of fields output.</summary>
    public static void WriteFields(TextWriter output, ResponseHeader header)
    {
        output.WriteLine($"\"ClusterID\" : {header.ClusterId}");
        output.WriteLine($"\"MemberID\" : {header.MemberId}");
        output.WriteLine($"\"Revision\" : {header.Revision}");
        output.WriteLine($"\"RaftTerm\" : {header.RaftTerm}");
    }
}
