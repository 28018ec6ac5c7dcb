using System.Runtime.InteropServices;
using System.Text;
using Google.Protobuf;

namespace EtcdNet.UnitTests;

public class EtcdBytesTests
{
    [Fact]
    public void String_converts_as_UTF8()
    {
        EtcdBytes bytes = "h\u00E9\u20AC";
        Assert.Equal(new byte[] { 0x68, 0xC3, 0xA9, 0xE2, 0x82, 0xAC }, bytes.ToArray());
        Assert.Equal(6, bytes.Length);
        Assert.False(bytes.IsEmpty);
    }

    [Fact]
    public void Null_and_empty_strings_become_empty()
    {
        EtcdBytes fromNull = (string?)null;
        EtcdBytes fromEmpty = "";
        Assert.True(fromNull.IsEmpty);
        Assert.Equal(0, fromNull.Length);
        Assert.True(fromEmpty.IsEmpty);
        Assert.Equal(EtcdBytes.Empty, fromNull);
        Assert.Equal(string.Empty, fromNull.ToString());
        Assert.True(EtcdBytes.FromString(null).IsEmpty);
    }

    [Fact]
    public void Null_byte_array_becomes_empty()
    {
        EtcdBytes bytes = (byte[]?)null;
        Assert.True(bytes.IsEmpty);
        Assert.Equal(EtcdBytes.Empty, bytes);
        Assert.Empty(bytes.ToArray());
    }

    [Fact]
    public void Byte_arrays_are_wrapped_without_copying()
    {
        var array = new byte[] { 1, 2, 3 };
        EtcdBytes bytes = array;

        Assert.True(MemoryMarshal.TryGetArray(bytes.Memory, out var segment));
        Assert.Same(array, segment.Array);
        Assert.Equal(0, segment.Offset);
        Assert.Equal(3, segment.Count);

        array[1] = 42;
        Assert.Equal(42, bytes.Span[1]);
    }

    [Fact]
    public void Memory_is_wrapped_without_copying_and_keeps_its_slice()
    {
        var array = new byte[] { 9, 8, 7, 6, 5 };
        EtcdBytes bytes = new ReadOnlyMemory<byte>(array, 1, 3);

        Assert.True(MemoryMarshal.TryGetArray(bytes.Memory, out var segment));
        Assert.Same(array, segment.Array);
        Assert.Equal(1, segment.Offset);
        Assert.Equal(3, segment.Count);
        Assert.Equal(new byte[] { 8, 7, 6 }, bytes.ToArray());

        var viaFactory = EtcdBytes.FromReadOnlyMemory(array.AsMemory(2, 2));
        Assert.True(MemoryMarshal.TryGetArray(viaFactory.Memory, out segment));
        Assert.Same(array, segment.Array);
        Assert.Equal(2, segment.Offset);
    }

    [Fact]
    public void ToArray_copies()
    {
        var array = new byte[] { 1, 2 };
        EtcdBytes bytes = array;
        var copy = bytes.ToArray();
        Assert.NotSame(array, copy);
        Assert.Equal(array, copy);
    }

    [Fact]
    public void Equality_is_by_content()
    {
        EtcdBytes fromString = "abc";
        EtcdBytes fromArray = new byte[] { 0x61, 0x62, 0x63 };
        EtcdBytes fromSlice = new ReadOnlyMemory<byte>([0x00, 0x61, 0x62, 0x63, 0x00], 1, 3);

        Assert.True(fromString == fromArray);
        Assert.False(fromString != fromArray);
        Assert.True(fromString.Equals(fromSlice));
        Assert.True(fromString.Equals((object)fromArray));
        Assert.Equal(fromString.GetHashCode(), fromArray.GetHashCode());
        Assert.Equal(fromString.GetHashCode(), fromSlice.GetHashCode());
    }

    [Fact]
    public void Different_content_is_not_equal()
    {
        EtcdBytes abc = "abc";
        Assert.True(abc != "abd");
        Assert.True(abc != "ab");
        Assert.True(abc != "abcd");
        Assert.True(abc != EtcdBytes.Empty);
        Assert.False(abc.Equals((object)"abc"));   // a boxed string is not an EtcdBytes
        Assert.False(abc.Equals((object?)null));
        Assert.NotEqual(((EtcdBytes)"a").GetHashCode(), ((EtcdBytes)"b").GetHashCode());
    }

    [Fact]
    public void All_empty_values_are_equal()
    {
        EtcdBytes a = default;
        EtcdBytes b = Array.Empty<byte>();
        EtcdBytes c = "";
        Assert.True(a == b);
        Assert.True(b == c);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Works_as_a_dictionary_key()
    {
        var set = new HashSet<EtcdBytes> { "k1", new byte[] { 0x6b, 0x31 }, "k2" };
        Assert.Equal(2, set.Count);
        Assert.Contains((EtcdBytes)"k2", set);
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("\u20AC \u00E9 \U0001F600")]
    public void ToString_decodes_UTF8(string text)
    {
        EtcdBytes bytes = text;
        Assert.Equal(text, bytes.ToString());
        Assert.Equal(Encoding.UTF8.GetBytes(text), bytes.ToArray());
    }

    [Fact]
    public void ToByteString_wraps_the_bytes()
    {
        Assert.Same(ByteString.Empty, EtcdBytes.Empty.ToByteString());
        EtcdBytes bytes = new byte[] { 1, 2, 3 };
        Assert.Equal(new byte[] { 1, 2, 3 }, bytes.ToByteString().ToByteArray());
    }

    [Fact]
    public void ToByteString_does_not_copy()
    {
        var array = new byte[] { 1, 2, 3 };
        var byteString = ((EtcdBytes)array).ToByteString();
        array[0] = 99;
        Assert.Equal(99, byteString[0]);
    }
}
