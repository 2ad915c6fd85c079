namespace PSRemotingDsc.Versions;

/// <summary>Path helpers for comparing installation paths: full symlink resolution and the platform's case rule.</summary>
internal static class RealPath
{
    private const int MaxLinkHops = 40;

    public static StringComparison Comparison => OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    public static StringComparer Comparer => OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>
    /// Like realpath(3): the absolute path with every symlink (in any component) resolved.
    /// Components that do not exist are kept as written. A link loop stops after 40 hops and returns the path reached.
    /// </summary>
    public static string Resolve(string path)
    {
        string full = Path.GetFullPath(path);
        string root = Path.GetPathRoot(full) ?? string.Empty;
        var pending = new List<string>(SplitComponents(full[root.Length..]));
        string current = root;
        int hops = 0;
        int index = 0;
        while (index < pending.Count)
        {
            string component = pending[index++];
            if (component == ".")
            {
                continue;
            }

            if (component == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            string next = Path.Join(current, component);
            string? target = GetLinkTarget(next);
            if (target is null || ++hops > MaxLinkHops)
            {
                current = next;
                continue;
            }

            var rest = pending.GetRange(index, pending.Count - index);
            pending.Clear();
            if (Path.IsPathRooted(target))
            {
                string targetRoot = Path.GetPathRoot(target) ?? root;
                current = targetRoot;
                pending.AddRange(SplitComponents(target[targetRoot.Length..]));
            }
            else
            {
                pending.AddRange(SplitComponents(target));
            }

            pending.AddRange(rest);
            index = 0;
        }

        return Path.TrimEndingDirectorySeparator(current.Length == 0 ? root : current);
    }

    /// <summary>The full path without a trailing separator (the root keeps its own).</summary>
    public static string Normalize(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

    private static string? GetLinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string[] SplitComponents(string path) =>
        path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
}
