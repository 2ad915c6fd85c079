using System.Text;
using PSRemotingDsc.Errors;
using PSRemotingDsc.IO;

namespace PSRemotingDsc.Ssh;

/// <summary>
/// One sshd_config file as a list of lines that renders back to exactly the text it was parsed from: comments,
/// blank lines, indentation, tabs, keyword case, '=' separators, line endings (even mixed ones), a missing
/// final newline and a byte order mark all survive. Lines sshd would reject are kept verbatim. Only the
/// Subsystem edits below change anything, and only the lines they name.
/// </summary>
public sealed class SshdConfigDocument
{
    private const string ByteOrderMark = "\uFEFF";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [ThreadStatic]
    private static long t_linesEnumerated;

    private readonly string _originalText;
    private readonly string _byteOrderMark;
    private readonly List<SshdConfigLine> _lines;

    private SshdConfigDocument(string path, string originalText, string byteOrderMark, List<SshdConfigLine> lines, string newLine)
    {
        Path = path;
        _originalText = originalText;
        _byteOrderMark = byteOrderMark;
        _lines = lines;
        NewLine = newLine;
    }

    /// <summary>The file this text came from, as given; used in definitions and error messages.</summary>
    public string Path { get; }

    /// <summary>"\r\n" when most line endings are CRLF (the first ending breaks a tie), otherwise "\n".</summary>
    public string NewLine { get; }

    /// <summary>True when <see cref="Render"/> no longer returns the parsed text.</summary>
    public bool IsModified
    {
        get
        {
            // Compared line by line against the parsed text, without rendering a copy of the whole file.
            var rest = _originalText.AsSpan(_byteOrderMark.Length);
            foreach (var line in _lines)
            {
                if (!rest.StartsWith(line.Span, StringComparison.Ordinal))
                {
                    return true;
                }

                rest = rest[line.Length..];
                if (!rest.StartsWith(line.Ending, StringComparison.Ordinal))
                {
                    return true;
                }

                rest = rest[line.Ending.Length..];
            }

            return !rest.IsEmpty;
        }
    }

    /// <summary>Every Subsystem line of this file in order, global and inside Match blocks.</summary>
    public IReadOnlyList<SubsystemDefinition> Subsystems
    {
        get
        {
            var result = new List<SubsystemDefinition>();
            foreach (var (line, lineNumber, inMatchBlock) in EnumerateLines())
            {
                if (TryGetSubsystem(line, lineNumber, inMatchBlock) is { } definition)
                {
                    result.Add(definition);
                }
            }

            return result;
        }
    }

    /// <summary>Every pattern of every Include line of this file in order.</summary>
    public IReadOnlyList<IncludeDirective> Includes
    {
        get
        {
            var result = new List<IncludeDirective>();
            foreach (var (line, lineNumber, inMatchBlock) in EnumerateLines())
            {
                if (line.IsKeyword("Include") && line.SplitArguments() is { } arguments)
                {
                    result.AddRange(arguments.Select(argument => new IncludeDirective(argument.Value, Path, lineNumber, inMatchBlock)));
                }
            }

            return result;
        }
    }

    /// <summary>Parses text; never throws on content: what sshd would reject is kept verbatim.</summary>
    public static SshdConfigDocument Parse(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);

        var byteOrderMark = text.StartsWith(ByteOrderMark, StringComparison.Ordinal) ? ByteOrderMark : string.Empty;
        var lines = new List<SshdConfigLine>(text.AsSpan().Count('\n') + 1);
        int crlf = 0, lf = 0;
        string? firstEnding = null;
        var start = byteOrderMark.Length;
        while (start < text.Length)
        {
            var newline = text.IndexOf('\n', start);
            if (newline < 0)
            {
                lines.Add(SshdConfigLine.Parse(text, start, text.Length - start, string.Empty));
                break;
            }

            var isCrlf = newline > start && text[newline - 1] == '\r';
            var ending = isCrlf ? "\r\n" : "\n";
            if (isCrlf)
            {
                crlf++;
            }
            else
            {
                lf++;
            }

            firstEnding ??= ending;
            lines.Add(SshdConfigLine.Parse(text, start, newline - ending.Length + 1 - start, ending));
            start = newline + 1;
        }

        var newLine = crlf > lf || (crlf == lf && firstEnding == "\r\n") ? "\r\n" : "\n";
        return new SshdConfigDocument(path, text, byteOrderMark, lines, newLine);
    }

    /// <summary>
    /// Reads and parses a file. The bytes must be UTF-8 (ASCII is); anything else could not be written back
    /// unchanged, so it is reported as <see cref="ExitCode.ConfigUnreadable"/>.
    /// </summary>
    public static SshdConfigDocument Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] bytes;
        try
        {
            bytes = RegularFile.ReadAllBytes(path);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new PSRemotingDscException(ErrorIds.SshdConfigAccessDenied, $"{path}: permission denied reading the sshd configuration. Run elevated (root or Administrator).", ex);
        }
        catch (IOException ex)
        {
            throw ReadFailure(path, ex);
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var lineNumber = 1 + bytes.AsSpan(0, Math.Clamp(ex.Index, 0, bytes.Length)).Count((byte)'\n');
            throw new PSRemotingDscException(ErrorIds.SshdConfigNotUtf8, $"{path}:{lineNumber}: the file is not valid UTF-8, so it cannot be edited without changing bytes. Convert it to UTF-8.", ex);
        }

        return Parse(text, path);
    }

    /// <summary>
    /// The error for a configuration file that could not be read: not there or not a regular file (exit 6),
    /// larger than <see cref="RegularFile.MaxConfigurationBytes"/> or another I/O error (exit 11).
    /// </summary>
    internal static PSRemotingDscException ReadFailure(string path, IOException ex) => ex switch
    {
        FileNotFoundException or DirectoryNotFoundException => new PSRemotingDscException(ErrorIds.SshdConfigNotFound,
            $"{path}: the sshd configuration does not exist (or is a symbolic link to nothing). Pass the path of the sshd_config file sshd uses.", ex),
        NotRegularFileException notRegular => new PSRemotingDscException(ErrorIds.SshdConfigNotRegularFile,
            $"{path}: the sshd configuration is {notRegular.Kind.Describe()}, not a regular file; only regular files are read or replaced. Nothing was changed.", ex),
        FileTooLargeException tooLarge => new PSRemotingDscException(ErrorIds.SshdConfigTooLarge,
            $"{path}: the sshd configuration has {tooLarge.Size:N0} bytes, more than the {tooLarge.Limit / (1024 * 1024)} MiB read; nothing was read or changed. Check that this is the right file.", ex),
        _ => new PSRemotingDscException(ErrorIds.SshdConfigUnreadable, $"{path}: cannot read the sshd configuration: {ex.Message}", ex),
    };

    /// <summary>The text: exactly the parsed text when nothing was changed.</summary>
    public string Render()
    {
        if (!IsModified)
        {
            return _originalText;
        }

        var builder = new StringBuilder(_originalText.Length + 64);
        builder.Append(_byteOrderMark);
        foreach (var line in _lines)
        {
            builder.Append(line.Span).Append(line.Ending);
        }

        return builder.ToString();
    }

    /// <summary><see cref="Render"/> as UTF-8 bytes (a byte order mark only if the file had one).</summary>
    public byte[] RenderBytes() => StrictUtf8.GetBytes(Render());

    /// <summary>The value of the first global occurrence of <paramref name="keyword"/> (case-insensitive) as written, a trailing comment removed; null if there is none.</summary>
    public string? GetKeywordValue(string keyword)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyword);
        foreach (var (line, _, inMatchBlock) in EnumerateLines())
        {
            if (!inMatchBlock && line.IsKeyword(keyword))
            {
                return line.ValueWithoutComment();
            }
        }

        return null;
    }

    /// <summary>
    /// Makes <c>Subsystem name command</c> the one global definition of <paramref name="name"/>: rewrites the first
    /// global definition (keeping its indentation and line ending) and removes later global ones, or inserts a
    /// new line before the first Match block (above the comments and blank lines directly preceding it) or at
    /// the end. Definitions inside Match blocks are left alone. Returns false, changing nothing, when the file
    /// already has exactly that line and no duplicate.
    /// </summary>
    public bool SetSubsystem(string name, string command)
    {
        ValidateName(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        if (command.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
        {
            throw new ArgumentException("A subsystem command must be a single line.", nameof(command));
        }

        var canonical = $"Subsystem {name} {command}";
        var indexes = GlobalSubsystemIndexes(name);
        if (indexes.Count == 0)
        {
            InsertGlobalLine(canonical);
            return true;
        }

        var first = _lines[indexes[0]];
        var replacement = first.Indentation + canonical;
        var changed = indexes.Count > 1 || !first.Span.SequenceEqual(replacement);
        if (!changed)
        {
            return false;
        }

        for (var i = indexes.Count - 1; i > 0; i--)
        {
            RemoveLineAt(indexes[i]);
        }

        _lines[indexes[0]] = SshdConfigLine.Parse(replacement, first.Ending);
        return true;
    }

    /// <summary>Removes every global definition of <paramref name="name"/>; returns whether anything changed.</summary>
    public bool RemoveSubsystem(string name)
    {
        ValidateName(name);
        var indexes = GlobalSubsystemIndexes(name);
        for (var i = indexes.Count - 1; i >= 0; i--)
        {
            RemoveLineAt(indexes[i]);
        }

        return indexes.Count > 0;
    }

    /// <summary>
    /// How many lines <see cref="EnumerateLines"/> has produced on the calling thread, across all documents: lets
    /// tests prove that a query reads the configuration a bounded number of times, without timing it.
    /// </summary>
    internal static long LinesEnumeratedOnThisThread => t_linesEnumerated;

    /// <summary>Each line with its 1-based number and whether it is in a Match block (the Match line itself counts).</summary>
    internal IEnumerable<(SshdConfigLine Line, int LineNumber, bool InMatchBlock)> EnumerateLines()
    {
        var inMatchBlock = false;
        for (var i = 0; i < _lines.Count; i++)
        {
            var line = _lines[i];
            t_linesEnumerated++;
            inMatchBlock |= line.IsKeyword("Match");
            yield return (line, i + 1, inMatchBlock);
        }
    }

    internal SubsystemDefinition? TryGetSubsystem(SshdConfigLine line, int lineNumber, bool inMatchBlock)
    {
        if (!line.IsKeyword("Subsystem") || line.SplitArguments() is not { Count: > 0 } arguments)
        {
            return null;
        }

        var command = arguments.Count > 1 ? line.Slice(arguments[1].Start, arguments[^1].End) : string.Empty;
        return new SubsystemDefinition(arguments[0].Value, command, Path, lineNumber, inMatchBlock);
    }

    /// <summary>Whether <paramref name="name"/> is a subsystem name this document can add, rewrite or remove: not empty, no whitespace, control character, quote, backslash, '#' or '='.</summary>
    public static bool IsEditableName(string name) =>
        !string.IsNullOrEmpty(name) && !name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '"' or '\'' or '\\' or '#' or '=');

    private static void ValidateName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!IsEditableName(name))
        {
            throw new ArgumentException($"The subsystem name '{name}' contains a character that is configuration syntax.", nameof(name));
        }
    }

    private List<int> GlobalSubsystemIndexes(string name)
    {
        var indexes = new List<int>();
        foreach (var (line, lineNumber, inMatchBlock) in EnumerateLines())
        {
            if (!inMatchBlock && TryGetSubsystem(line, lineNumber, inMatchBlock) is { } definition &&
                string.Equals(definition.Name, name, StringComparison.Ordinal))
            {
                indexes.Add(lineNumber - 1);
            }
        }

        return indexes;
    }

    private void InsertGlobalLine(string text)
    {
        var match = _lines.FindIndex(line => line.IsKeyword("Match"));
        if (match >= 0)
        {
            var index = match;
            while (index > 0 && _lines[index - 1].Kind is SshdLineKind.Blank or SshdLineKind.Comment)
            {
                index--;
            }

            _lines.Insert(index, SshdConfigLine.Parse(text, NewLine));
            return;
        }

        if (_lines.Count > 0 && _lines[^1].Ending.Length == 0)
        {
            // The file had no final newline: keep it that way, so removing this line again restores the bytes.
            _lines[^1].Ending = NewLine;
            _lines.Add(SshdConfigLine.Parse(text, string.Empty));
            return;
        }

        _lines.Add(SshdConfigLine.Parse(text, NewLine));
    }

    private void RemoveLineAt(int index)
    {
        if (index == _lines.Count - 1 && index > 0 && _lines[index].Ending.Length == 0)
        {
            _lines[index - 1].Ending = string.Empty;
        }

        _lines.RemoveAt(index);
    }
}
