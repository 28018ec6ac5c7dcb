using EtcdNet.Protocol.Rpc;

namespace EtcdNet;

/// <summary>Builds etcd request messages from keys and option records, validating arguments.</summary>
internal static class OpRequests
{
    public static RangeRequest Range(EtcdBytes key, GetOptions? options)
    {
        options ??= Defaults.Get;
        var (k, end) = KeyRange.Resolve(key, options.Prefix, options.RangeEnd, options.FromKey, nameof(options));
        NotNegative(options.Revision, nameof(GetOptions.Revision));
        NotNegative(options.Limit, nameof(GetOptions.Limit));
        NotNegative(options.MinModRevision, nameof(GetOptions.MinModRevision));
        NotNegative(options.MaxModRevision, nameof(GetOptions.MaxModRevision));
        NotNegative(options.MinCreateRevision, nameof(GetOptions.MinCreateRevision));
        NotNegative(options.MaxCreateRevision, nameof(GetOptions.MaxCreateRevision));
        return new RangeRequest
        {
            Key = k,
            RangeEnd = end,
            Revision = options.Revision,
            Limit = options.Limit,
            SortTarget = (RangeRequest.Types.SortTarget)ValidEnum(options.SortTarget),
            SortOrder = (RangeRequest.Types.SortOrder)ValidEnum(options.SortOrder),
            Serializable = options.Serializable,
            KeysOnly = options.KeysOnly,
            CountOnly = options.CountOnly,
            MinModRevision = options.MinModRevision,
            MaxModRevision = options.MaxModRevision,
            MinCreateRevision = options.MinCreateRevision,
            MaxCreateRevision = options.MaxCreateRevision,
        };
    }

    public static PutRequest Put(EtcdBytes key, EtcdBytes value, PutOptions? options)
    {
        options ??= Defaults.Put;
        if (options.Ttl is not null)
        {
            throw new ArgumentException("PutOptions.Ttl needs PutAsync (it grants a lease first); in an Op or a transaction, grant a lease and set Lease.", nameof(options));
        }

        return new PutRequest
        {
            Key = key.ToByteString(),
            Value = value.ToByteString(),
            Lease = options.Lease,
            PrevKv = options.PrevKv,
            IgnoreValue = options.IgnoreValue,
            IgnoreLease = options.IgnoreLease,
        };
    }

    public static DeleteRangeRequest Delete(EtcdBytes key, DeleteOptions? options)
    {
        options ??= Defaults.Delete;
        var (k, end) = KeyRange.Resolve(key, options.Prefix, options.RangeEnd, options.FromKey, nameof(options));
        return new DeleteRangeRequest { Key = k, RangeEnd = end, PrevKv = options.PrevKv };
    }

    private static void NotNegative(long value, string name)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must not be negative.");
        }
    }

    private static int ValidEnum<T>(T value) where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(typeof(T).Name, value, $"Unknown {typeof(T).Name} value.");
        }

        return Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static class Defaults
    {
        public static readonly GetOptions Get = new();
        public static readonly PutOptions Put = new();
        public static readonly DeleteOptions Delete = new();
    }
}
