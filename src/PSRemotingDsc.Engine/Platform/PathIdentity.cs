namespace PSRemotingDsc.Platform;

/// <summary>
/// When two paths on this machine name the same file: the one case rule (ordinal on Unix, ordinal ignoring
/// case on Windows) and the three depths of resolution callers use — full path only
/// (<see cref="SameFullPath"/>), the directory a link at the path points to (<see cref="SameDirectory"/>),
/// and every link in every component (<see cref="Resolve"/>, like realpath(3)).
/// </summary>
public static class PathIdentity
{
    private const int MaxLinkHops = 40;

    /// <summary>The platform's case rule for paths: <see cref="StringComparison.OrdinalIgnoreCase"/> on Windows, <see cref="StringComparison.Ordinal"/> elsewhere.</summary>
    public static StringComparison Comparison => OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>The comparer for <see cref="Comparison"/>, for dictionaries and sets keyed by path.</summary>
    public static StringComparer Comparer => OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>Whether both paths are equal as full paths under the platform's case rule; links are not followed.</summary>
    public static bool SameFullPath(string left, string right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return string.Equals(Path.GetFullPath(left), Path.GetFullPath(right), Comparison);
    }

    /// <summary>
    /// Whether both paths name the same directory: equal text, or equal full paths (no trailing separator)
    /// after following a link at the path itself when it is an existing directory.
    /// </summary>
    public static bool SameDirectory(string left, string right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);

        // Equal text names the same directory without asking the file system (export compares each endpoint with itself).
        return string.Equals(left, right, StringComparison.Ordinal)
            || string.Equals(FollowDirectoryLink(left), FollowDirectoryLink(right), Comparison);
    }

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

    /// <summary>The full path without a trailing separator; when it is an existing directory reached through a link, the link's final target.</summary>
    private static string FollowDirectoryLink(string path)
    {
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        try
        {
            FileSystemInfo? target = Directory.Exists(full) ? Directory.ResolveLinkTarget(full, returnFinalTarget: true) : null;
            return target is null ? full : Path.TrimEndingDirectorySeparator(target.FullName);
        }
        catch (IOException)
        {
            return full;
        }
    }

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
