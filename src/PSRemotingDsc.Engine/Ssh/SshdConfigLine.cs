namespace PSRemotingDsc.Ssh;

/// <summary>
/// One physical line of sshd_config: its text exactly as written (without the line ending) and its ending
/// ("\n", "\r\n" or "" for a last line without one), plus what sshd would read from it. The parse follows
/// servconf.c: trailing whitespace (including '\r' and form feed) is stripped, the keyword ends at
/// whitespace, '"' or '=', a single '=' with optional whitespace around it separates keyword and value, and
/// the value is split with <see cref="SshdArgumentSplitter"/> (a token starting with '#' ends the line).
/// </summary>
/// <remarks>
/// A parsed line is a range of the document's text, not a copy, and keeps only the offsets of its parts:
/// arguments are split when asked for, which only Include, Subsystem and the looked-up keywords are. A file
/// of mostly comments therefore costs little more than its text.
/// </remarks>
internal sealed class SshdConfigLine
{
    private readonly string _source;
    private readonly int _start;
    private int _keywordEnd;
    private int _valueStart;
    private int _valueEnd;

    private SshdConfigLine(string source, int start, int length, string ending)
    {
        _source = source;
        _start = start;
        Length = length;
        Ending = ending;
    }

    /// <summary>The length of the text, without the ending.</summary>
    public int Length { get; }

    /// <summary>The text exactly as written, without the ending.</summary>
    public ReadOnlySpan<char> Span => _source.AsSpan(_start, Length);

    public string Ending { get; set; }

    public SshdLineKind Kind { get; private set; }

    /// <summary>Where the keyword starts in the text (the length of the leading indentation).</summary>
    public int KeywordStart { get; private set; }

    /// <summary>The value text after the separator, trailing whitespace removed; "" when there is none.</summary>
    public string Value => Span[_valueStart.._valueEnd].ToString();

    public string Indentation => Span[..KeywordStart].ToString();

    /// <summary>A line of its own text, as edits create them.</summary>
    public static SshdConfigLine Parse(string text, string ending)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(text, 0, text.Length, ending);
    }

    /// <summary>The line <paramref name="source"/>[<paramref name="start"/>..+<paramref name="length"/>], kept as a range of it.</summary>
    public static SshdConfigLine Parse(string source, int start, int length, string ending)
    {
        var line = new SshdConfigLine(source, start, length, ending);
        line.Analyse();
        return line;
    }

    public bool IsKeyword(string keyword) =>
        Kind == SshdLineKind.Directive && Span[KeywordStart.._keywordEnd].Equals(keyword, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The arguments of the value (token positions are offsets in the line's text), or null when the line is not
    /// a directive or sshd would reject it for an unclosed quote. Split anew on each call.
    /// </summary>
    public List<SshdToken>? SplitArguments() =>
        Kind == SshdLineKind.Directive ? SshdArgumentSplitter.Split(Span[.._valueEnd], _valueStart, terminateOnComment: true) : null;

    /// <summary>The text between <paramref name="start"/> and <paramref name="end"/> (offsets in the line, as tokens give them).</summary>
    public string Slice(int start, int end) => Span[start..end].ToString();

    /// <summary>The value with a trailing comment removed, as the raw text between the first and last argument.</summary>
    public string ValueWithoutComment()
    {
        var arguments = SplitArguments();
        if (arguments is null || arguments.Count == 0)
        {
            return arguments is null ? Value : string.Empty;
        }

        return Slice(arguments[0].Start, arguments[^1].End);
    }

    private static bool IsWhitespace(char c) => c is ' ' or '\t' or '\r' or '\n';

    private void Analyse()
    {
        var text = Span;
        var end = text.Length;
        while (end > 0 && (IsWhitespace(text[end - 1]) || text[end - 1] == '\f'))
        {
            end--;
        }

        var start = 0;
        while (start < end && IsWhitespace(text[start]))
        {
            start++;
        }

        KeywordStart = start;
        if (start == end)
        {
            Kind = SshdLineKind.Blank;
            return;
        }

        var keywordEnd = start;
        while (keywordEnd < end && !IsWhitespace(text[keywordEnd]) && text[keywordEnd] is not '"' and not '=')
        {
            keywordEnd++;
        }

        if (keywordEnd == start)
        {
            Kind = SshdLineKind.Other;
            return;
        }

        if (text[start] == '#')
        {
            Kind = SshdLineKind.Comment;
            return;
        }

        Kind = SshdLineKind.Directive;
        _keywordEnd = keywordEnd;

        var valueStart = keywordEnd;
        while (valueStart < end && IsWhitespace(text[valueStart]))
        {
            valueStart++;
        }

        if (valueStart < end && text[valueStart] == '=')
        {
            valueStart++;
            while (valueStart < end && IsWhitespace(text[valueStart]))
            {
                valueStart++;
            }
        }

        _valueStart = valueStart;
        _valueEnd = end;
    }
}
