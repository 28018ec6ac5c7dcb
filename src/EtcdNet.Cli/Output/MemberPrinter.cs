using System.Globalization;
using EtcdNet.Cli.Commands;

namespace EtcdNet.Cli.Output;

/// <summary>Prints membership responses as etcdctl does (member list: simple, json, fields, table; changes: simple, json).</summary>
internal static class MemberPrinter
{
    private static readonly string[] ListHeader = ["ID", "Status", "Name", "Peer Addrs", "Client Addrs", "Is Learner"];

    public static void List(CommandContext context, MemberListResponse response)
    {
        var output = context.Console.Out;
        switch (context.Settings.Format)
        {
            case OutputFormat.Simple:
                foreach (var row in Rows(response.Members))
                {
                    output.WriteLine(string.Join(", ", row));
                }

                break;
            case OutputFormat.Json:
                var json = new GoJson().StartObject().WriteHeader(response.Header);
                WriteMembers(json, response.Members);
                output.WriteLine(json.EndObject().ToString());
                break;
            case OutputFormat.Fields:
                HeaderPrinter.WriteFields(output, response.Header);
                foreach (var member in response.Members)
                {
                    output.WriteLine($"\"ID\" : {member.Id}");
                    output.WriteLine($"\"Name\" : {GoQuote.Quote(member.Name)}");
                    foreach (var url in member.PeerUrls)
                    {
                        output.WriteLine($"\"PeerURL\" : {GoQuote.Quote(url)}");
                    }

                    foreach (var url in member.ClientUrls)
                    {
                        output.WriteLine($"\"ClientURL\" : {GoQuote.Quote(url)}");
                    }

                    output.WriteLine($"\"IsLearner\" : {MaintenanceGoText.Bool(member.IsLearner)}");
                    output.WriteLine();
                }

                break;
            case OutputFormat.Table:
                var table = new AsciiTable(ListHeader);
                foreach (var row in Rows(response.Members))
                {
                    table.Add(row);
                }

                output.Write(table.ToString());
                break;
            default:
                throw MaintenanceGoText.Unsupported(context.Settings.Format);
        }
    }

    /// <summary>member add: the new member's line, and in simple output the settings to start it with.</summary>
    public static void Add(CommandContext context, MemberAddResponse response, string name, string peerUrls)
    {
        var output = context.Console.Out;
        switch (context.Settings.Format)
        {
            case OutputFormat.Simple:
                output.WriteLine($"Member {PaddedHex(response.Member.Id)} added to cluster {PaddedHex(response.Header.ClusterId)}");
                var initialCluster = response.Members.SelectMany(m => m.PeerUrls.Select(u => $"{(m.Id == response.Member.Id ? name : m.Name)}={u}"));
                output.WriteLine();
                output.WriteLine($"ETCD_NAME={GoQuote.Quote(name)}");
                output.WriteLine($"ETCD_INITIAL_CLUSTER={GoQuote.Quote(string.Join(',', initialCluster))}");
                output.WriteLine($"ETCD_INITIAL_ADVERTISE_PEER_URLS={GoQuote.Quote(peerUrls)}");
                output.WriteLine("ETCD_INITIAL_CLUSTER_STATE=\"existing\"");
                break;
            case OutputFormat.Json:
                var json = new GoJson().StartObject().WriteHeader(response.Header).Name("member");
                WriteMember(json, response.Member);
                WriteMembers(json, response.Members);
                output.WriteLine(json.EndObject().ToString());
                break;
            default:
                throw MaintenanceGoText.Unsupported(context.Settings.Format);
        }
    }

    /// <summary>member remove, update and promote: "Member … removed from/updated in/promoted in cluster …".</summary>
    public static void Changed(CommandContext context, string what, ulong id, ResponseHeader header, IReadOnlyList<Member> members)
    {
        var output = context.Console.Out;
        switch (context.Settings.Format)
        {
            case OutputFormat.Simple:
                output.WriteLine($"Member {PaddedHex(id)} {what} cluster {PaddedHex(header.ClusterId)}");
                break;
            case OutputFormat.Json:
                var json = new GoJson().StartObject().WriteHeader(header);
                WriteMembers(json, members);
                output.WriteLine(json.EndObject().ToString());
                break;
            default:
                throw MaintenanceGoText.Unsupported(context.Settings.Format);
        }
    }

    /// <summary>Go's %16x: hex, right-aligned in 16 columns.</summary>
    public static string PaddedHex(ulong id) => id.ToString("x", CultureInfo.InvariantCulture).PadLeft(16);

    private static IEnumerable<string[]> Rows(IEnumerable<Member> members)
        => members.Select(m => new[]
        {
            m.Id.ToString("x", CultureInfo.InvariantCulture),
            m.Name.Length == 0 ? "unstarted" : "started",
            m.Name,
            string.Join(',', m.PeerUrls),
            string.Join(',', m.ClientUrls),
            MaintenanceGoText.Bool(m.IsLearner),
        });

    private static void WriteMembers(GoJson json, IReadOnlyList<Member> members)
    {
        if (members.Count == 0)
        {
            return;
        }

        json.Name("members").StartArray();
        foreach (var member in members)
        {
            WriteMember(json, member);
        }

        json.EndArray();
    }

    // etcdserverpb.Member as Go marshals it: every field omitted when empty.
    private static void WriteMember(GoJson json, Member member)
    {
        json.StartObject();
        if (member.Id != 0)
        {
            json.Field("ID", member.Id);
        }

        if (member.Name.Length > 0)
        {
            json.Field("name", member.Name);
        }

        WriteStrings(json, "peerURLs", member.PeerUrls);
        WriteStrings(json, "clientURLs", member.ClientUrls);
        if (member.IsLearner)
        {
            json.Field("isLearner", true);
        }

        json.EndObject();
    }

    private static void WriteStrings(GoJson json, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        json.Name(name).StartArray();
        foreach (var value in values)
        {
            json.Value(value);
        }

        json.EndArray();
    }
}
