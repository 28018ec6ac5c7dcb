namespace EtcdNet.Conveniences;

/// <summary>The key prefix of a directory for the directory-style calls: the directory with a trailing '/'.</summary>
internal static class DirectoryPrefix
{
    private const byte Separator = (byte)'/';

    /// <summary>
    /// <paramref name="directory"/> itself when it ends with '/', otherwise a copy with '/' appended, so
    /// that <c>"a/b"</c> covers <c>"a/b/x"</c> but neither <c>"a/b"</c> nor <c>"a/bc"</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The directory is empty.</exception>
    public static EtcdBytes Of(EtcdBytes directory, string parameterName)
    {
        if (directory.IsEmpty)
        {
            throw new ArgumentException("The directory must not be empty; use \"/\" for the keys that start with '/', or a prefix get/delete/watch for every key.", parameterName);
        }

        if (directory.Span[^1] == Separator)
        {
            return directory;
        }

        var prefix = new byte[directory.Length + 1];
        directory.Span.CopyTo(prefix);
        prefix[^1] = Separator;
        return prefix;
    }
}
