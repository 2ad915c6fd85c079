namespace PSRemotingDsc.Ssh;

/// <summary>
/// The subset of glob(3) that sshd uses for <c>Include</c> (flags 0): '*', '?' and '[...]' (with '!' and
/// ranges) inside one path segment, backslash escapes (not on Windows, where '\' separates), no '~' or brace
/// expansion, a leading '.' only matched literally, results sorted by ordinal comparison like glob's strcmp.
/// A pattern that matches nothing gives an empty list, as sshd skips it.
/// </summary>
internal static class SshdIncludeGlob
{
    private static char[] Separators => OperatingSystem.IsWindows() ? ['/', '\\'] : ['/'];

    private static bool EscapesAllowed => !OperatingSystem.IsWindows();

    /// <summary>The existing files and directories that match an absolute pattern, sorted.</summary>
    public static IReadOnlyList<string> Expand(string pattern)
    {
        var root = System.IO.Path.GetPathRoot(pattern) ?? string.Empty;
        var segments = pattern[root.Length..].Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        var candidates = new List<string> { root };
        for (var i = 0; i < segments.Length && candidates.Count > 0; i++)
        {
            var last = i == segments.Length - 1;
            var segment = segments[i];
            var next = new List<string>();
            foreach (var directory in candidates)
            {
                if (!HasWildcard(segment))
                {
                    var path = Join(directory, Unescape(segment));
                    if (Directory.Exists(path) || (last && File.Exists(path)))
                    {
                        next.Add(path);
                    }

                    continue;
                }

                foreach (var entry in Entries(directory))
                {
                    var entryName = System.IO.Path.GetFileName(entry);
                    if (MatchSegment(segment, entryName) && (last || Directory.Exists(entry)))
                    {
                        next.Add(Join(directory, entryName));
                    }
                }
            }

            candidates = next;
        }

        if (segments.Length == 0)
        {
            return [];
        }

        candidates.Sort(StringComparer.Ordinal);
        return candidates;
    }

    /// <summary>Whether <paramref name="path"/> is one of the paths an absolute pattern would match.</summary>
    public static bool IsMatch(string pattern, string path)
    {
        var patternRoot = System.IO.Path.GetPathRoot(pattern) ?? string.Empty;
        var pathRoot = System.IO.Path.GetPathRoot(path) ?? string.Empty;
        if (!string.Equals(patternRoot, pathRoot, StringComparison.Ordinal))
        {
            return false;
        }

        var patternSegments = pattern[patternRoot.Length..].Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        var pathSegments = path[pathRoot.Length..].Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        if (patternSegments.Length != pathSegments.Length || patternSegments.Length == 0)
        {
            return false;
        }

        for (var i = 0; i < patternSegments.Length; i++)
        {
            if (!MatchSegment(patternSegments[i], pathSegments[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>fnmatch of one segment; a name starting with '.' needs a literal '.' in the pattern.</summary>
    public static bool MatchSegment(string pattern, string name)
    {
        if (name.StartsWith('.') && !pattern.StartsWith('.'))
        {
            return false;
        }

        return MatchFrom(pattern, 0, name, 0);
    }

    private static bool MatchFrom(string pattern, int p, string name, int n)
    {
        while (p < pattern.Length)
        {
            var c = pattern[p];
            switch (c)
            {
                case '*':
                    while (p < pattern.Length && pattern[p] == '*')
                    {
                        p++;
                    }

                    if (p == pattern.Length)
                    {
                        return true;
                    }

                    for (var k = n; k <= name.Length; k++)
                    {
                        if (MatchFrom(pattern, p, name, k))
                        {
                            return true;
                        }
                    }

                    return false;
                case '?':
                    if (n == name.Length)
                    {
                        return false;
                    }

                    p++;
                    n++;
                    break;
                case '[' when TryMatchClass(pattern, p, n < name.Length ? name[n] : '\0', out var classEnd, out var matched):
                    if (n == name.Length || !matched)
                    {
                        return false;
                    }

                    p = classEnd;
                    n++;
                    break;
                default:
                    if (c == '\\' && EscapesAllowed && p + 1 < pattern.Length)
                    {
                        p++;
                        c = pattern[p];
                    }

                    if (n == name.Length || name[n] != c)
                    {
                        return false;
                    }

                    p++;
                    n++;
                    break;
            }
        }

        return n == name.Length;
    }

    /// <summary>Parses the class starting at <paramref name="open"/>; false when it is not closed (then '[' is literal).</summary>
    private static bool TryMatchClass(string pattern, int open, char c, out int end, out bool matched)
    {
        var i = open + 1;
        var negate = i < pattern.Length && pattern[i] == '!';
        if (negate)
        {
            i++;
        }

        var found = false;
        var first = true;
        while (i < pattern.Length && (pattern[i] != ']' || first))
        {
            first = false;
            var low = pattern[i];
            if (low == '\\' && EscapesAllowed && i + 1 < pattern.Length)
            {
                low = pattern[++i];
            }

            var high = low;
            if (i + 2 < pattern.Length && pattern[i + 1] == '-' && pattern[i + 2] != ']')
            {
                high = pattern[i + 2];
                i += 2;
            }

            found |= c >= low && c <= high;
            i++;
        }

        if (i >= pattern.Length)
        {
            end = open;
            matched = false;
            return false;
        }

        end = i + 1;
        matched = found != negate;
        return true;
    }

    private static bool HasWildcard(string segment)
    {
        for (var i = 0; i < segment.Length; i++)
        {
            if (segment[i] == '\\' && EscapesAllowed)
            {
                i++;
            }
            else if (segment[i] is '*' or '?' or '[')
            {
                return true;
            }
        }

        return false;
    }

    private static string Unescape(string segment)
    {
        if (!EscapesAllowed || !segment.Contains('\\', StringComparison.Ordinal))
        {
            return segment;
        }

        var chars = new List<char>(segment.Length);
        for (var i = 0; i < segment.Length; i++)
        {
            if (segment[i] == '\\' && i + 1 < segment.Length)
            {
                i++;
            }

            chars.Add(segment[i]);
        }

        return new string([.. chars]);
    }

    private static string Join(string directory, string name) =>
        directory.Length == 0 || directory.EndsWith('/') || directory.EndsWith(System.IO.Path.DirectorySeparatorChar)
            ? directory + name
            : directory + "/" + name;

    private static string[] Entries(string directory)
    {
        try
        {
            return Directory.GetFileSystemEntries(directory.Length == 0 ? "." : directory);
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }
}
