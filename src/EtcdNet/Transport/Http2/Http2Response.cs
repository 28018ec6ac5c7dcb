using Google.Protobuf;

namespace EtcdNet.Transport.Http2;

/// <summary>Checks a finished unary call's response (status line, content type, gRPC status) and parses its one message.</summary>
internal static class Http2Response
{
    public static TResponse Read<TRequest, TResponse>(Http2Call call, GrpcEndpoint endpoint, GrpcMethod<TRequest, TResponse> method, int maxSize)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        GrpcResponse.CheckHead(call.HttpStatus, reasonPhrase: null, call.HeaderStatus, call.ContentType, endpoint, requestSent: true);
        var status = call.HeaderStatus ?? call.TrailerStatus
            ?? new GrpcStatus(GrpcStatusCode.Internal, $"{endpoint} ended the response without a grpc-status trailer.");
        if (status.Code != GrpcStatusCode.OK)
        {
            throw new GrpcCallException(status, CallFailureKind.Status, true, endpoint.Address);
        }

        var body = call.Body.Span;
        if (body.Length == 0)
        {
            throw new GrpcCallException(new GrpcStatus(GrpcStatusCode.Internal, $"{endpoint} sent no message for unary {method}."), CallFailureKind.Transport, true, endpoint.Address);
        }

        try
        {
            if (body.Length < GrpcFrameWriter.HeaderSize)
            {
                throw new InvalidDataException("The response ended inside a gRPC message header.");
            }

            var length = GrpcFrameReader.ParseHeader(body, maxSize);
            var rest = body.Length - GrpcFrameWriter.HeaderSize;
            if (rest < length)
            {
                throw new InvalidDataException($"The response ended inside a gRPC message ({rest} of {length} bytes).");
            }

            if (rest > length)
            {
                throw new GrpcCallException(new GrpcStatus(GrpcStatusCode.Internal, $"{endpoint} sent more than one message for unary {method}."), CallFailureKind.Transport, true, endpoint.Address);
            }

            return method.Parser.ParseFrom(body.Slice(GrpcFrameWriter.HeaderSize, length));
        }
        catch (Exception e) when (e is InvalidDataException or InvalidProtocolBufferException)
        {
            throw new GrpcCallException(new GrpcStatus(GrpcStatusCode.Internal, e.Message), CallFailureKind.Transport, true, endpoint.Address, e);
        }
    }
}
