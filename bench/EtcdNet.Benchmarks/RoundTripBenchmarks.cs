using BenchmarkDotNet.Attributes;
using EtcdNet.Kv;
using EtcdNet.Protocol.Rpc;
using EtcdNet.Transport;
using Google.Protobuf;
using MvccKeyValue = EtcdNet.Protocol.Mvcc.KeyValue;
using WirePutResponse = EtcdNet.Protocol.Rpc.PutResponse;

namespace EtcdNet.Benchmarks;

/// <summary>
/// Client-side CPU and allocations of one unary KV round trip without a server: build the request
/// as <c>KvClient</c> does, measure and frame it as <c>UnaryContent</c> does into a reusable stream,
/// then read a pre-built framed response with <see cref="GrpcFrameReader"/> (including the second,
/// end-of-stream read the unary transport performs) and wrap it in the public response type.
/// HTTP/2, sockets and the retry invoker are not part of the measurement.
/// </summary>
[MemoryDiagnoser]
public class RoundTripBenchmarks
{
    private const string Key = "bench/key/000001"; // 16 UTF-8 bytes
    private const int ValueSize = 256;
    private const int ManyKeys = 100;
    private const int MaxSend = EtcdClientOptions.DefaultMaxSendMessageSize;
    private const int MaxReceive = int.MaxValue; // EtcdClientOptions.MaxReceiveMessageSize default

    private byte[] _value = [];

    // Request sink: written from position 0 on every call, so it never grows after the first call.
    private readonly MemoryStream _requestSink = new(capacity: 4096);

    // Pre-built framed responses, read from position 0 on every call.
    private MemoryStream _putResponse = null!;
    private MemoryStream _rangeResponse = null!;
    private MemoryStream _range100Response = null!;

    // The client hands the wrapper back to the caller, so it lives on the heap. Publishing it to a field
    // keeps it that way here; otherwise the JIT's escape analysis may stack-allocate it and hide its cost.
    private EtcdNet.PutResponse? _lastPut;
    private GetResponse? _lastGet;

    [GlobalSetup]
    public void Setup()
    {
        _value = new byte[ValueSize];
        for (var i = 0; i < _value.Length; i++)
        {
            _value[i] = (byte)('a' + (i % 26));
        }

        var header = new Protocol.Rpc.ResponseHeader
        {
            ClusterId = 14841639068965178418UL,
            MemberId = 10276657743932975437UL,
            Revision = 123_456,
            RaftTerm = 7,
        };

        _putResponse = Framed(new WirePutResponse { Header = header });

        var one = new RangeResponse { Header = header, Count = 1 };
        one.Kvs.Add(Kv(Key, 1));
        _rangeResponse = Framed(one);

        var many = new RangeResponse { Header = header, Count = ManyKeys };
        for (var i = 0; i < ManyKeys; i++)
        {
            many.Kvs.Add(Kv($"bench/key/{i:D6}", i + 1));
        }

        _range100Response = Framed(many);

        // Check that every benchmark does what it claims before measuring it.
        Verify(PutRoundTrip().AsTask().GetAwaiter().GetResult() == header.Revision, "put revision");
        Verify(_requestSink.Position == GrpcFrameWriter.HeaderSize + 2 + Key.Length + 3 + ValueSize, "put frame length");
        Verify(GetRoundTrip().AsTask().GetAwaiter().GetResult() == ValueSize, "get value length");
        Verify(GetRoundTrip_100Keys().AsTask().GetAwaiter().GetResult() == ManyKeys * ValueSize, "get 100 value lengths");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _requestSink.Dispose();
        _putResponse.Dispose();
        _rangeResponse.Dispose();
        _range100Response.Dispose();
    }

    /// <summary>Put of a 16-byte string key and a 256-byte value; returns the response revision.</summary>
    [Benchmark]
    public async ValueTask<long> PutRoundTrip()
    {
        var request = OpRequests.Put(Key, _value, options: null);
        await WriteRequestAsync(request).ConfigureAwait(false);

        _putResponse.Position = 0;
        var wire = await ReadUnaryAsync(_putResponse, KvMethods.Put.Parser).ConfigureAwait(false);
        var response = new EtcdNet.PutResponse(wire);
        _lastPut = response;
        return response.Header.Revision;
    }

    /// <summary>Get of one 16-byte string key answered by one 256-byte value; returns the value length.</summary>
    [Benchmark]
    public async ValueTask<int> GetRoundTrip()
    {
        var request = OpRequests.Range(Key, options: null);
        await WriteRequestAsync(request).ConfigureAwait(false);

        _rangeResponse.Position = 0;
        var wire = await ReadUnaryAsync(_rangeResponse, KvMethods.Range.Parser).ConfigureAwait(false);
        var response = new GetResponse(wire);
        _lastGet = response;
        return response.Kvs[0].Value.Length;
    }

    /// <summary>Get answered by 100 key-values (16-byte keys, 256-byte values); returns the summed value lengths.</summary>
    [Benchmark]
    public async ValueTask<int> GetRoundTrip_100Keys()
    {
        var request = OpRequests.Range(Key, options: null);
        await WriteRequestAsync(request).ConfigureAwait(false);

        _range100Response.Position = 0;
        var wire = await ReadUnaryAsync(_range100Response, KvMethods.Range.Parser).ConfigureAwait(false);
        var response = new GetResponse(wire);
        _lastGet = response;
        var total = 0;
        foreach (var kv in response.Kvs)
        {
            total += kv.Value.Length;
        }

        return total;
    }

    /// <summary>Mirrors UnaryContent: measure against the send limit, frame into a pooled buffer, write, return the buffer.</summary>
    private async ValueTask WriteRequestAsync(IMessage request)
    {
        var size = GrpcFrameWriter.MeasureChecked(request, MaxSend);
        _requestSink.Position = 0;
        var buffer = GrpcFrameWriter.Rent(request, size, out var length);
        try
        {
            await _requestSink.WriteAsync(buffer.AsMemory(0, length), CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            GrpcFrameWriter.Return(buffer);
        }
    }

    /// <summary>Mirrors GrpcTransport.UnaryAsync: read one message, then confirm the stream ends.</summary>
    private static async ValueTask<T> ReadUnaryAsync<T>(Stream stream, MessageParser<T> parser)
        where T : class, IMessage<T>
    {
        var result = await GrpcFrameReader.ReadAsync(stream, parser, MaxReceive, waitForData: false, CancellationToken.None).ConfigureAwait(false)
            ?? throw new InvalidOperationException("No response message.");
        if (await GrpcFrameReader.ReadAsync(stream, parser, MaxReceive, waitForData: false, CancellationToken.None).ConfigureAwait(false) is not null)
        {
            throw new InvalidOperationException("More than one response message.");
        }

        return result;
    }

    private MvccKeyValue Kv(string key, long revision) => new()
    {
        Key = ByteString.CopyFromUtf8(key),
        Value = ByteString.CopyFrom(_value),
        CreateRevision = revision,
        ModRevision = revision,
        Version = 1,
    };

    private static MemoryStream Framed(IMessage message)
    {
        var body = message.ToByteArray();
        var frame = new byte[GrpcFrameWriter.HeaderSize + body.Length];
        GrpcFrameWriter.WriteHeader(frame, body.Length);
        body.CopyTo(frame.AsSpan(GrpcFrameWriter.HeaderSize));
        return new MemoryStream(frame, writable: false);
    }

    private static void Verify(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Benchmark self-check failed: {what}.");
        }
    }
}
