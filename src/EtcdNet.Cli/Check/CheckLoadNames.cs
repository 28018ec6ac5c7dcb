namespace EtcdNet.Cli.Check;

/// <summary>The workload names the check commands accept: s, m, l, xl and their long forms small, medium, large, xLarge (case as written).</summary>
internal static class CheckLoadNames
{
    /// <summary>The short name (s, m, l or xl) for <paramref name="load"/>, or null when it names no workload.</summary>
    public static string? Resolve(string? load) => load switch
    {
        "s" or "small" => "s",
        "m" or "medium" => "m",
        "l" or "large" => "l",
        "xl" or "xLarge" => "xl",
        _ => null,
    };
}
