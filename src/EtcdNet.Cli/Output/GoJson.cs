using System.Globalization;
using System.Text;

namespace EtcdNet.Cli.Output;

/// <summary>
/// A compact JSON writer that produces what Go's encoding/json.Marshal produces, so --write-out=json matches
/// etcdctl byte for byte: fields in the order written, byte strings as standard base64, strings escaped as Go
/// escapes them (&lt; &gt; &amp; and U+2028/U+2029 as \u00XX, other non-ASCII as is), no spaces.
/// The caller follows Go's omitempty rules by not writing empty fields.
/// </summary>
internal sealed class GoJson
{
    private readonly StringBuilder _builder = new();
    private bool _needComma;

    public GoJson StartObject()
    {
        Separate();
        _builder.Append('{');
        _needComma = false;
        return this;
    }

    public GoJson EndObject()
    {
        _builder.Append('}');
        _needComma = true;
        return this;
    }

    public GoJson StartArray()
    {
        Separate();
        _builder.Append('[');
        _needComma = false;
        return this;
    }

    public GoJson EndArray()
    {
        _builder.Append(']');
        _needComma = true;
        return this;
    }

    /// <summary>Writes a property name; the next call writes its value.</summary>
    public GoJson Name(string name)
    {
        Separate();
        AppendString(name);
        _builder.Append(':');
        _needComma = false;
        return this;
    }

    public GoJson Value(long value) => Raw(value.ToString(CultureInfo.InvariantCulture));

    public GoJson Value(ulong value) => Raw(value.ToString(CultureInfo.InvariantCulture));

    public GoJson Value(bool value) => Raw(value ? "true" : "false");

    public GoJson Value(string value)
    {
        Separate();
        AppendString(value);
        _needComma = true;
        return this;
    }

    /// <summary>A byte string, as Go marshals []byte: standard base64 in quotes.</summary>
    public GoJson Bytes(ReadOnlySpan<byte> value) => Raw("\"" + Convert.ToBase64String(value) + "\"");

    public GoJson Null() => Raw("null");

    // Shorthands for "name":value.
    public GoJson Field(string name, long value) => Name(name).Value(value);

    public GoJson Field(string name, ulong value) => Name(name).Value(value);

    public GoJson Field(string name, bool value) => Name(name).Value(value);

    public GoJson Field(string name, string value) => Name(name).Value(value);

    public GoJson BytesField(string name, ReadOnlySpan<byte> value) => Name(name).Bytes(value);

    /// <summary>The JSON text written so far.</summary>
    public override string ToString() => _builder.ToString();

    private GoJson Raw(string text)
    {
        Separate();
        _builder.Append(text);
        _needComma = true;
        return this;
    }

    private void Separate()
    {
        if (_needComma)
        {
            _builder.Append(',');
        }
    }

    private void AppendString(string value)
    {
        _builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': _builder.Append("\\\""); break;
                case '\\': _builder.Append("\\\\"); break;
                case '\n': _builder.Append("\\n"); break;
                case '\r': _builder.Append("\\r"); break;
                case '\t': _builder.Append("\\t"); break;
                case '<' or '>' or '&' or '\u2028' or '\u2029':
                    _builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    if (c < 0x20)
                    {
                        _builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        _builder.Append(c);
                    }

                    break;
            }
        }

        _builder.Append('"');
    }
}
