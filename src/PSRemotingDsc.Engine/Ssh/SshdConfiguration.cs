using PSRemotingDsc.Errors;

namespace PSRemotingDsc.Ssh;

/// <summary>
/// The configuration sshd reads: the main file with its <c>Include</c> directives followed, in effective order
/// (an included file's lines take the place of the Include line). As in servconf.c, relative Include patterns
/// are resolved against one directory (sshd uses SSHDIR; here the main file's directory unless given), globs are
/// expanded and sorted, patterns that match nothing are skipped, a file included from inside a Match block
/// belongs to that block, and a Match inside an included file ends with that file. Cycles and nesting deeper
/// than sshd's limit of 16 are reported as <see cref="ExitCode.ConfigUnreadable"/>, naming the Include line.
/// This is a read model: edits go to the individual <see cref="SshdConfigDocument"/>s; the queries below
/// always reflect their current content.
/// </summary>
public sealed class SshdConfiguration
{
    /// <summary>SERVCONF_MAX_DEPTH in servconf.c.</summary>
    public const int MaxIncludeDepth = 16;

    private readonly string _includeBase;
    private readonly Func<string, IReadOnlyList<SshdConfigDocument>> _resolve;

    private SshdConfiguration(SshdConfigDocument main, string includeBase, Func<string, IReadOnlyList<SshdConfigDocument>> resolve)
    {
        Main = main;
        _resolve = resolve;
        _includeBase = includeBase;
        var documents = new List<SshdConfigDocument>();
        Walk(new WalkVisitor(documents, null, null));
        Documents = documents;
    }

    /// <summary>The file sshd is started with (<c>sshd -f</c>), whose Include lines lead to the others.</summary>
    public SshdConfigDocument Main { get; }

    /// <summary>The main file and every included file once, in the order sshd first reads them.</summary>
    public IReadOnlyList<SshdConfigDocument> Documents { get; }

    /// <summary>The effective PidFile (the first global one wins), or null when none is set.</summary>
    public string? PidFile => GetFirstArgument("PidFile");

    /// <summary>Reads the main file and every file it includes; relative Include patterns are resolved against the main file's directory.</summary>
    public static SshdConfiguration Load(string mainPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(mainPath);
        return Load(mainPath, System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(mainPath)) ?? string.Empty);
    }

    /// <summary>
    /// Reads the main file and every file it includes, resolving relative Include patterns against
    /// <paramref name="includeDirectory"/> (sshd's SSHDIR, e.g. /etc/ssh, when the main file is a copy elsewhere).
    /// </summary>
    public static SshdConfiguration Load(string mainPath, string includeDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(mainPath);
        ArgumentNullException.ThrowIfNull(includeDirectory);
        var main = SshdConfigDocument.Load(mainPath);
        var cache = new Dictionary<string, IReadOnlyList<SshdConfigDocument>>(StringComparer.Ordinal);
        var files = new Dictionary<string, SshdConfigDocument>(StringComparer.Ordinal);
        return new SshdConfiguration(main, includeDirectory, pattern =>
        {
            if (!cache.TryGetValue(pattern, out var documents))
            {
                documents = [.. SshdIncludeGlob.Expand(pattern).Select(path => LoadIncluded(path, files))];
                cache[pattern] = documents;
            }

            return documents;
        });
    }

    /// <summary>
    /// Builds the configuration from documents already in memory: an Include pattern (resolved against the
    /// directory of <paramref name="main"/>'s path) selects the documents of <paramref name="included"/> whose
    /// path it matches, in ordinal order.
    /// </summary>
    public static SshdConfiguration FromDocuments(SshdConfigDocument main, IReadOnlyList<SshdConfigDocument> included)
    {
        ArgumentNullException.ThrowIfNull(main);
        ArgumentNullException.ThrowIfNull(included);
        var includeBase = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(main.Path)) ?? string.Empty;
        return new SshdConfiguration(main, includeBase, pattern =>
            [.. included.Where(document => SshdIncludeGlob.IsMatch(pattern, document.Path)).OrderBy(document => document.Path, StringComparer.Ordinal)]);
    }

    /// <summary>
    /// Every global definition of <paramref name="name"/> (compared case-sensitively, like sshd's strcmp) in
    /// effective order: the first one is the one sshd uses, any later one is a duplicate.
    /// </summary>
    public IReadOnlyList<SubsystemDefinition> FindSubsystem(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var result = new List<SubsystemDefinition>();
        Walk(new WalkVisitor(null, definition =>
        {
            if (string.Equals(definition.Name, name, StringComparison.Ordinal))
            {
                result.Add(definition);
            }
        }, null));
        return result;
    }

    /// <summary>Every global Subsystem definition in effective order, duplicates included.</summary>
    public IReadOnlyList<SubsystemDefinition> GlobalSubsystems()
    {
        var result = new List<SubsystemDefinition>();
        Walk(new WalkVisitor(null, result.Add, null));
        return result;
    }

    /// <summary>The first argument (unquoted) of the first global occurrence of <paramref name="keyword"/>, includes followed.</summary>
    public string? GetFirstArgument(string keyword)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyword);
        string? value = null;
        Walk(new WalkVisitor(null, null, line =>
        {
            if (value is null && line.IsKeyword(keyword) && line.SplitArguments() is { Count: > 0 } arguments)
            {
                value = arguments[0].Value;
            }
        }));
        return value;
    }

    private static SshdConfigDocument LoadIncluded(string path, Dictionary<string, SshdConfigDocument> files)
    {
        if (!files.TryGetValue(path, out var document))
        {
            if (Directory.Exists(path))
            {
                throw new PSRemotingDscException(ErrorIds.SshdIncludeIsDirectory, $"{path} is a directory; sshd cannot read it as a configuration file. Make the Include pattern match files only.");
            }

            document = SshdConfigDocument.Load(path);
            files[path] = document;
        }

        return document;
    }

    private static string FullPath(SshdConfigDocument document) => System.IO.Path.GetFullPath(document.Path);

    private string Resolve(string pattern) =>
        System.IO.Path.IsPathRooted(pattern) || pattern.StartsWith('~') ? pattern : System.IO.Path.Combine(_includeBase, pattern);

    private void Walk(WalkVisitor visitor)
    {
        var stack = new List<SshdConfigDocument>();
        Walk(Main, inheritedMatch: false, depth: 0, stack, visitor);
    }

    private void Walk(SshdConfigDocument document, bool inheritedMatch, int depth, List<SshdConfigDocument> stack, WalkVisitor visitor)
    {
        stack.Add(document);
        if (visitor.Documents is { } documents && !documents.Contains(document))
        {
            documents.Add(document);
        }

        foreach (var (line, lineNumber, inMatchBlock) in document.EnumerateLines())
        {
            var inMatch = inheritedMatch || inMatchBlock;
            if (line.IsKeyword("Include") && line.SplitArguments() is { } patterns)
            {
                foreach (var pattern in patterns)
                {
                    foreach (var child in ResolveInclude(document, lineNumber, pattern.Value))
                    {
                        CheckInclude(document, lineNumber, child, depth, stack);
                        Walk(child, inMatch, depth + 1, stack, visitor);
                    }
                }
            }
            else if (!inMatch)
            {
                visitor.Line?.Invoke(line);
                if (visitor.Subsystem is not null && document.TryGetSubsystem(line, lineNumber, inMatchBlock: false) is { } definition)
                {
                    visitor.Subsystem(definition);
                }
            }
        }

        stack.RemoveAt(stack.Count - 1);
    }

    private IReadOnlyList<SshdConfigDocument> ResolveInclude(SshdConfigDocument document, int lineNumber, string pattern)
    {
        try
        {
            return _resolve(Resolve(pattern));
        }
        catch (PSRemotingDscException ex)
        {
            throw new PSRemotingDscException(ex.Error, $"{document.Path}:{lineNumber}: Include {pattern}: {ex.Message}", ex);
        }
    }

    private static void CheckInclude(SshdConfigDocument document, int lineNumber, SshdConfigDocument child, int depth, List<SshdConfigDocument> stack)
    {
        var childPath = FullPath(child);
        var cycleStart = stack.FindIndex(open => string.Equals(FullPath(open), childPath, StringComparison.Ordinal));
        if (cycleStart >= 0)
        {
            var chain = string.Join(" -> ", stack.Skip(cycleStart).Select(open => open.Path).Append(child.Path));
            throw new PSRemotingDscException(ErrorIds.SshdIncludeCycle, $"{document.Path}:{lineNumber}: Include creates a cycle ({chain}); sshd would refuse this configuration. Remove one of the Include lines.");
        }

        if (depth + 1 > MaxIncludeDepth)
        {
            throw new PSRemotingDscException(ErrorIds.SshdIncludeTooDeep, $"{document.Path}:{lineNumber}: Include nests deeper than {MaxIncludeDepth} levels (sshd's limit); sshd would refuse this configuration. Flatten the includes.");
        }
    }

    private sealed record WalkVisitor(List<SshdConfigDocument>? Documents, Action<SubsystemDefinition>? Subsystem, Action<SshdConfigLine>? Line);
}
