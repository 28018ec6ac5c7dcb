using EtcdNet.Cli.Commands;

namespace EtcdNet.Cli.Output;

/// <summary>Prints a transaction's response in the --write-out format, as etcdctl does.</summary>
internal static class TxnPrinter
{
    public static void Print(CommandContext context, TxnResponse response)
    {
        var settings = context.Settings;
        var output = context.Console.Out;
        switch (settings.Format)
        {
            case OutputFormat.Simple:
                Simple(output, response, settings.Hex);
                break;
            case OutputFormat.Json:
                var json = new GoJson();
                Json(json, response);
                output.WriteLine(json.ToString());
                break;
            case OutputFormat.Fields:
                Fields(output, response);
                break;
            default:
                throw KvPrinter.Unsupported(settings.Format);
        }
    }

    private static void Simple(TextWriter output, TxnResponse response, bool hex)
    {
        output.WriteLine(response.Succeeded ? "SUCCESS" : "FAILURE");
        foreach (var op in response.Responses)
        {
            output.WriteLine();
            switch (op.Kind)
            {
                case OpKind.Get:
                    KvPrinter.GetSimple(output, op.Get!, hex, valueOnly: false);
                    break;
                case OpKind.Put:
                    KvPrinter.PutSimple(output, op.Put!, hex);
                    break;
                case OpKind.Delete:
                    KvPrinter.DeleteSimple(output, op.Delete!, hex);
                    break;
                default:
                    output.WriteLine("unexpected response " + op.Kind);
                    break;
            }
        }
    }

    /// <summary>Go's JSON of etcdserverpb.TxnResponse: each response wrapped as {"Response":{"ResponseRange":…}}.</summary>
    private static void Json(GoJson json, TxnResponse response)
    {
        json.StartObject().WriteHeader(response.Header);
        if (response.Succeeded)
        {
            json.Field("succeeded", true);
        }

        if (response.Responses.Count > 0)
        {
            json.Name("responses").StartArray();
            foreach (var op in response.Responses)
            {
                json.StartObject().Name("Response").StartObject();
                switch (op.Kind)
                {
                    case OpKind.Get:
                        json.Name("ResponseRange");
                        KvPrinter.GetJson(json, op.Get!);
                        break;
                    case OpKind.Put:
                        json.Name("ResponsePut");
                        KvPrinter.PutJson(json, op.Put!);
                        break;
                    case OpKind.Delete:
                        json.Name("ResponseDeleteRange");
                        KvPrinter.DeleteJson(json, op.Delete!);
                        break;
                    default:
                        json.Name("ResponseTxn");
                        Json(json, op.Txn!);
                        break;
                }

                json.EndObject().EndObject();
            }

            json.EndArray();
        }

        json.EndObject();
    }

    private static void Fields(TextWriter output, TxnResponse response)
    {
        HeaderPrinter.WriteFields(output, response.Header);
        output.WriteLine($"\"Succeeded\" : {(response.Succeeded ? "true" : "false")}");
        foreach (var op in response.Responses)
        {
            switch (op.Kind)
            {
                case OpKind.Get:
                    KvPrinter.GetFields(output, op.Get!);
                    break;
                case OpKind.Put:
                    KvPrinter.PutFields(output, op.Put!);
                    break;
                case OpKind.Delete:
                    KvPrinter.DeleteFields(output, op.Delete!);
                    break;
                default:
                    output.WriteLine($"\"Unknown\" : {GoQuote.Quote(op.Kind.ToString())}");
                    break;
            }
        }
    }
}
