using EtcdNet.Protocol.Rpc;
using EtcdNet.Transport;

namespace EtcdNet.Kv;

/// <summary>The etcdserverpb.KV service. Only Range is repeatable; writes are sent at most once.</summary>
internal static class KvMethods
{
    private const string Service = "etcdserverpb.KV";

    public static readonly GrpcMethod<RangeRequest, RangeResponse> Range = new(Service, "Range", RangeResponse.Parser, MethodType.Unary, repeatable: true);
    public static readonly GrpcMethod<PutRequest, Protocol.Rpc.PutResponse> Put = new(Service, "Put", Protocol.Rpc.PutResponse.Parser, MethodType.Unary, repeatable: false);
    public static readonly GrpcMethod<DeleteRangeRequest, DeleteRangeResponse> DeleteRange = new(Service, "DeleteRange", DeleteRangeResponse.Parser, MethodType.Unary, repeatable: false);
    public static readonly GrpcMethod<TxnRequest, Protocol.Rpc.TxnResponse> Txn = new(Service, "Txn", Protocol.Rpc.TxnResponse.Parser, MethodType.Unary, repeatable: false);

    /// <summary>A transaction its caller knows to be safe to apply twice (guarded by a compare that fails once it applied).</summary>
    public static readonly GrpcMethod<TxnRequest, Protocol.Rpc.TxnResponse> RepeatableTxn = new(Service, "Txn", Protocol.Rpc.TxnResponse.Parser, MethodType.Unary, repeatable: true);
    public static readonly GrpcMethod<CompactionRequest, CompactionResponse> Compact = new(Service, "Compact", CompactionResponse.Parser, MethodType.Unary, repeatable: false);
}
