namespace EtcdNet;

/// <summary>The result of a transaction.</summary>
public sealed class TxnResponse
{
    internal TxnResponse(Protocol.Rpc.TxnResponse response)
    {
        Header = ResponseHeader.From(response.Header);
        Succeeded = response.Succeeded;
        var responses = new OpResponse[response.Responses.Count];
        for (var i = 0; i < responses.Length; i++)
        {
            responses[i] = OpResponse.From(response.Responses[i]);
        }

        Responses = responses;
    }

    /// <summary>The response header.</summary>
    public ResponseHeader Header { get; }

    /// <summary>True when every comparison held and the Then branch ran; false when the Else branch ran.</summary>
    public bool Succeeded { get; }

    /// <summary>One result per operation of the branch that ran, in order.</summary>
    public IReadOnlyList<OpResponse> Responses { get; }
}
