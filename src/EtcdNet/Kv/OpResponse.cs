using EtcdNet.Protocol.Rpc;

namespace EtcdNet;

/// <summary>The result of one <see cref="Op"/>: exactly one of the properties is set, matching <see cref="Kind"/>.</summary>
public sealed class OpResponse
{
    private OpResponse(OpKind kind, GetResponse? get, PutResponse? put, DeleteResponse? delete, TxnResponse? txn)
    {
        Kind = kind;
        Get = get;
        Put = put;
        Delete = delete;
        Txn = txn;
    }

    /// <summary>The kind of operation that ran.</summary>
    public OpKind Kind { get; }

    /// <summary>The result of a get.</summary>
    public GetResponse? Get { get; }

    /// <summary>The result of a put.</summary>
    public PutResponse? Put { get; }

    /// <summary>The result of a delete.</summary>
    public DeleteResponse? Delete { get; }

    /// <summary>The result of a nested transaction.</summary>
    public TxnResponse? Txn { get; }

    /// <summary>The header of whichever response this is.</summary>
    public ResponseHeader Header => Get?.Header ?? Put?.Header ?? Delete?.Header ?? Txn!.Header;

    internal static OpResponse FromGet(GetResponse r) => new(OpKind.Get, r, null, null, null);

    internal static OpResponse FromPut(PutResponse r) => new(OpKind.Put, null, r, null, null);

    internal static OpResponse FromDelete(DeleteResponse r) => new(OpKind.Delete, null, null, r, null);

    internal static OpResponse FromTxn(TxnResponse r) => new(OpKind.Txn, null, null, null, r);

    internal static OpResponse From(ResponseOp op) => op.ResponseCase switch
    {
        ResponseOp.ResponseOneofCase.ResponseRange => FromGet(new GetResponse(op.ResponseRange)),
        ResponseOp.ResponseOneofCase.ResponsePut => FromPut(new PutResponse(op.ResponsePut)),
        ResponseOp.ResponseOneofCase.ResponseDeleteRange => FromDelete(new DeleteResponse(op.ResponseDeleteRange)),
        ResponseOp.ResponseOneofCase.ResponseTxn => FromTxn(new TxnResponse(op.ResponseTxn)),
        _ => throw new EtcdProtocolException("etcd returned a transaction response of an unknown kind.", GrpcStatusCode.Internal),
    };
}
