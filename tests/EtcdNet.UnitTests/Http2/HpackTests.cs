using System.Buffers;
using System.Text;
using EtcdNet.Transport;
using EtcdNet.Transport.Http2;
using Xunit;

namespace EtcdNet.UnitTests.Http2;

/// <summary>HPACK decoding against the worked examples of RFC 7541 Appendix C, and the request encoder against the decoder.</summary>
public class HpackTests
{
    [Fact]
    public void Integer_with_a_five_bit_prefix_continues_in_the_following_octets()
    {
        var position = 0;
        Assert.Equal(1337, HpackDecoder.ReadInteger([0x1f, 0x9a, 0x0a], ref position, 5));
        Assert.Equal(3, position);
    }

    [Fact]
    public void Requests_with_Huffman_coding_share_the_dynamic_table_across_blocks()
    {
        var decoder = new HpackDecoder();
        var first = Decode(decoder, "828684418cf1e3c2e5f23a6ba0ab90f4ff");
        Assert.Equal([(":method", "GET"), (":scheme", "http"), (":path", "/"), (":authority", "www.example.com")], first);

        var second = Decode(decoder, "828684be5886a8eb10649cbf");
        Assert.Equal([(":method", "GET"), (":scheme", "http"), (":path", "/"), (":authority", "www.example.com"), ("cache-control", "no-cache")], second);
    }

    [Fact]
    public void Response_with_Huffman_coded_values_decodes_every_field()
    {
        var fields = Decode(new HpackDecoder(256), "488264025885aec3771a4b6196d07abe941054d444a8200595040b8166e082a62d1bff6e919d29ad171863c78f0b97c8e9ae82ae43d3");
        Assert.Equal(
            [(":status", "302"), ("cache-control", "private"), ("date", "Mon, 21 Oct 2013 20:13:21 GMT"), ("location", "https://www.example.com")],
            fields);
    }

    [Fact]
    public void Entries_are_evicted_when_the_table_is_full()
    {
        var decoder = new HpackDecoder(256);
        Decode(decoder, "488264025885aec3771a4b6196d07abe941054d444a8200595040b8166e082a62d1bff6e919d29ad171863c78f0b97c8e9ae82ae43d3");
        // The second response of RFC 7541 C.6.2: ":status 307" evicts ":status 302" and reuses three entries by index.
        var fields = Decode(decoder, "4883640effc1c0bf");
        Assert.Equal([(":status", "307"), ("cache-control", "private"), ("date", "Mon, 21 Oct 2013 20:13:21 GMT"), ("location", "https://www.example.com")], fields);
    }

    [Theory]
    [InlineData("8100")]   // Huffman string whose bits end in zeros instead of the end-of-string prefix
    [InlineData("ff")]     // an index whose continuation octets are missing
    [InlineData("c5")]     // an index past both tables
    [InlineData("3fe21f")] // a table size update above the announced maximum
    public void Malformed_blocks_fail_with_InvalidDataException(string hex)
        => Assert.Throws<InvalidDataException>(() => Decode(new HpackDecoder(), hex));

    [Fact]
    public void Request_encoder_puts_pseudo_fields_first_and_lower_cases_metadata()
    {
        var common = HpackRequestEncoder.EncodeCommon("127.0.0.1:2379", tls: false, "etcdnet/1.0", []);
        var writer = new ArrayBufferWriter<byte>();
        var headers = new CallHeaders(TimeSpan.FromSeconds(5), [new("Token", "abc")]);
        HpackRequestEncoder.EncodeCall(writer, common, "/etcdserverpb.KV/Range", headers);

        var fields = new List<(string, string)>();
        new HpackDecoder().Decode(writer.WrittenSpan, fields);
        Assert.Equal(
            [
                (":method", "POST"), (":scheme", "http"), (":authority", "127.0.0.1:2379"), (":path", "/etcdserverpb.KV/Range"),
                ("content-type", "application/grpc"), ("te", "trailers"), ("user-agent", "etcdnet/1.0"),
                (GrpcTimeout.Header, GrpcTimeout.Encode(TimeSpan.FromSeconds(5))), ("token", "abc"),
            ],
            fields);
    }

    [Fact]
    public void Long_values_use_multi_octet_lengths()
    {
        var value = new string('x', 300);
        var common = HpackRequestEncoder.EncodeCommon("h:1", tls: true, value, []);
        var writer = new ArrayBufferWriter<byte>();
        HpackRequestEncoder.EncodeCall(writer, common, "/p", CallHeaders.None);
        var fields = new List<(string Name, string Value)>();
        new HpackDecoder().Decode(writer.WrittenSpan, fields);
        Assert.Contains((":scheme", "https"), fields);
        Assert.Contains(("user-agent", value), fields);
    }

    private static List<(string, string)> Decode(HpackDecoder decoder, string hex)
    {
        var fields = new List<(string, string)>();
        decoder.Decode(Convert.FromHexString(hex), fields);
        return fields;
    }
}
