using EtcdNet.Cli.Commands;

namespace EtcdNet.Cli.Output;

/// <summary>Prints alarm list/disarm responses as etcdctl does (simple, json, fields).</summary>
internal static class AlarmPrinter
{
    public static void Alarms(CommandContext context, AlarmResponse response)
    {
        var output = context.Console.Out;
        switch (context.Settings.Format)
        {
            case OutputFormat.Simple:
                // etcdctl prints each alarm member in protobuf's compact text form.
                foreach (var alarm in response.Alarms)
                {
                    output.WriteLine($"{(alarm.MemberId != 0 ? $"memberID:{alarm.MemberId} " : string.Empty)}{(alarm.Alarm != AlarmType.None ? $"alarm:{Name(alarm.Alarm)} " : string.Empty)}");
                }

                break;
            case OutputFormat.Json:
                var json = new GoJson().StartObject();
                if (response.Header != default)
                {
                    json.WriteHeader(response.Header);
                }

                if (response.Alarms.Count > 0)
                {
                    json.Name("alarms").StartArray();
                    foreach (var alarm in response.Alarms)
                    {
                        json.StartObject();
                        if (alarm.MemberId != 0)
                        {
                            json.Field("memberID", alarm.MemberId);
                        }

                        if (alarm.Alarm != AlarmType.None)
                        {
                            json.Field("alarm", (long)alarm.Alarm);
                        }

                        json.EndObject();
                    }

                    json.EndArray();
                }

                output.WriteLine(json.EndObject().ToString());
                break;
            case OutputFormat.Fields:
                HeaderPrinter.WriteFields(output, response.Header);
                foreach (var alarm in response.Alarms)
                {
                    output.WriteLine($"\"MemberID\" : {alarm.MemberId}");
                    output.WriteLine($"\"AlarmType\" : {Name(alarm.Alarm)}");
                    output.WriteLine();
                }

                break;
            default:
                throw MaintenanceGoText.Unsupported(context.Settings.Format);
        }
    }

    /// <summary>etcd's name of an alarm type.</summary>
    public static string Name(AlarmType type) => type switch
    {
        AlarmType.None => "NONE",
        AlarmType.NoSpace => "NOSPACE",
        AlarmType.Corrupt => "CORRUPT",
        _ => ((int)type).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
