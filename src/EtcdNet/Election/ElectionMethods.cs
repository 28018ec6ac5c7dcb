using EtcdNet.Protocol.Election;
using EtcdNet.Transport;

namespace EtcdNet.Election;

/// <summary>The v3electionpb.Election service. Leader and Observe only read; the others write and are sent at most once.</summary>
internal static class ElectionMethods
{
    private const string Service = "v3electionpb.Election";

    public static readonly GrpcMethod<CampaignRequest, CampaignResponse> Campaign = new(Service, "Campaign", CampaignResponse.Parser, MethodType.Unary, repeatable: false);
    public static readonly GrpcMethod<ProclaimRequest, Protocol.Election.ProclaimResponse> Proclaim = new(Service, "Proclaim", Protocol.Election.ProclaimResponse.Parser, MethodType.Unary, repeatable: false);
    public static readonly GrpcMethod<LeaderRequest, Protocol.Election.LeaderResponse> Leader = new(Service, "Leader", Protocol.Election.LeaderResponse.Parser, MethodType.Unary, repeatable: true);
    public static readonly GrpcMethod<LeaderRequest, Protocol.Election.LeaderResponse> Observe = new(Service, "Observe", Protocol.Election.LeaderResponse.Parser, MethodType.ServerStreaming, repeatable: true);
    public static readonly GrpcMethod<ResignRequest, Protocol.Election.ResignResponse> Resign = new(Service, "Resign", Protocol.Election.ResignResponse.Parser, MethodType.Unary, repeatable: false);
}
