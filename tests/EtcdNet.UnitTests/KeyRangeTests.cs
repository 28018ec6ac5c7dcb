using Google.Protobuf;

namespace EtcdNet.UnitTests;

public class KeyRangeTests
{
    private static byte[] B(params byte[] bytes) => bytes;

    [Theory]
    [InlineData(new byte[] { 0x61 }, new byte[] { 0x62 })]                   // "a" -> "b"
    [InlineData(new byte[] { 0x61, 0x62 }, new byte[] { 0x61, 0x63 })]       // "ab" -> "ac"
    [InlineData(new byte[] { 0x61, 0xff }, new byte[] { 0x62 })]             // "a\xff" -> "b"
    [InlineData(new byte[] { 0x61, 0xfe }, new byte[] { 0x61, 0xff })]
    [InlineData(new byte[] { 0x01, 0xff, 0xff }, new byte[] { 0x02 })]
    [InlineData(new byte[] { 0x00 }, new byte[] { 0x01 })]
    [InlineData(new byte[] { 0xff, 0xff }, new byte[] { 0x00 })]             // no greater key: all keys
    [InlineData(new byte[] { 0xff }, new byte[] { 0x00 })]
    [InlineData(new byte[0], new byte[] { 0x00 })]
    public void PrefixEnd(byte[] prefix, byte[] expected)
    {
        Assert.Equal(expected, KeyRange.PrefixEnd(prefix).ToByteArray());
    }

    [Fact]
    public void PrefixEnd_does_not_change_its_input()
    {
        var prefix = B(0x61, 0xff);
        _ = KeyRange.PrefixEnd(prefix);
        Assert.Equal(B(0x61, 0xff), prefix);
    }

    [Fact]
    public void PrefixEnd_of_foo_is_fop()
    {
        Assert.Equal("fop", KeyRange.PrefixEnd("foo"u8).ToStringUtf8());
    }

    [Fact]
    public void Resolve_plain_key()
    {
        var (key, end) = KeyRange.Resolve("k1", false, null, false, "options");
        Assert.Equal("k1", key.ToStringUtf8());
        Assert.True(end.IsEmpty);
    }

    [Fact]
    public void Resolve_prefix()
    {
        var (key, end) = KeyRange.Resolve("foo", true, null, false, "options");
        Assert.Equal("foo", key.ToStringUtf8());
        Assert.Equal("fop", end.ToStringUtf8());
    }

    [Fact]
    public void Resolve_prefix_of_all_ff_bytes_reads_to_the_end()
    {
        var (key, end) = KeyRange.Resolve(B(0xff, 0xff), true, null, false, "options");
        Assert.Equal(B(0xff, 0xff), key.ToByteArray());
        Assert.Equal(B(0x00), end.ToByteArray());
    }

    [Fact]
    public void Resolve_empty_prefix_means_every_key()
    {
        var (key, end) = KeyRange.Resolve("", true, null, false, "options");
        Assert.Equal(B(0x00), key.ToByteArray());
        Assert.Equal(B(0x00), end.ToByteArray());
    }

    [Fact]
    public void Resolve_from_key()
    {
        var (key, end) = KeyRange.Resolve("m", false, null, true, "options");
        Assert.Equal("m", key.ToStringUtf8());
        Assert.Equal(B(0x00), end.ToByteArray());
    }

    [Fact]
    public void Resolve_from_empty_key_means_every_key()
    {
        var (key, end) = KeyRange.Resolve(EtcdBytes.Empty, false, null, true, "options");
        Assert.Equal(B(0x00), key.ToByteArray());
        Assert.Equal(B(0x00), end.ToByteArray());
    }

    [Fact]
    public void Resolve_explicit_range_end()
    {
        var (key, end) = KeyRange.Resolve("a", false, (EtcdBytes)"c", false, "options");
        Assert.Equal("a", key.ToStringUtf8());
        Assert.Equal("c", end.ToStringUtf8());
    }

    [Fact]
    public void Resolve_explicit_range_end_of_zero_byte()
    {
        var (key, end) = KeyRange.Resolve("a", false, (EtcdBytes)B(0x00), false, "options");
        Assert.Equal("a", key.ToStringUtf8());
        Assert.Equal(B(0x00), end.ToByteArray());
    }

    [Fact]
    public void Resolve_keeps_the_key_bytes_as_given()
    {
        var raw = B(0x00, 0x01, 0xfe);
        var (key, end) = KeyRange.Resolve(raw, false, null, false, "options");
        Assert.Equal(raw, key.ToByteArray());
        Assert.Equal(ByteString.Empty, end);
    }

    [Theory]
    [InlineData(true, true, false)]
    [InlineData(true, false, true)]
    [InlineData(false, true, true)]
    [InlineData(true, true, true)]
    public void Resolve_rejects_more_than_one_range_option(bool prefix, bool withRangeEnd, bool fromKey)
    {
        EtcdBytes? rangeEnd = withRangeEnd ? "z" : null;
        var e = Assert.Throws<ArgumentException>(() => KeyRange.Resolve("a", prefix, rangeEnd, fromKey, "myParam"));
        Assert.Equal("myParam", e.ParamName);
    }

    [Fact]
    public void An_empty_range_end_still_counts_as_set()
    {
        Assert.Throws<ArgumentException>(() => KeyRange.Resolve("a", true, EtcdBytes.Empty, false, "options"));
    }
}
