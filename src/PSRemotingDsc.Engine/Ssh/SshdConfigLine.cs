namespace PSRemotingDsc.Ssh;

/// <summary>
/// One physical line of sshd_config: its text exactly as written (without the line ending) and its ending
/// ("\n", "\r\n" or "" for a last line without one), plus what sshd would read from it. The parse follows
/// servconf.c: trailing whitespace (including '\r' and form feed) is stripped, the keyword ends at
/// whitespace, '"' or '=', a single '=' with optional whitespace around it separates keyword and value, and
/// the value is split with <see cref="SshdArgumentSplitter"/> (a token starting with '#' ends the line).
/// </summary>
internal sealed class SshdConfigLine
{
    private SshdConfigLine(string text, string ending)
    {
        Text = text;
        Ending = ending;
    }

    public string Text { get; }

    public string Ending { get; set; }

    public SshdLineKind Kind { get; private set; }

    /// <summary>The keyword as written (original case), or null when the line has none.</summary>
    public string? Keyword { get; private set; }

    /// <summary>Where the keyword starts in <see cref="Text"/> (the length of the leading indentation).</summary>
    public int KeywordStart { get; private set; }

    /// <summary>The value text after the separator, trailing whitespace removed; "" when there is none.</summary>
    public string Value { get; private set; } = string.Empty;

    /// <summary>The arguments of the value, or null when sshd would reject it for an unclosed quote.</summary>
    public IReadOnlyList<SshdToken>? Arguments { get; private set; }

    public string Indentation => Text[..KeywordStart];

    public static SshdConfigLine Parse(string text, string ending)
    {
        var line = new SshdConfigLine(text, ending);
        line.Analyse();
        return line;
    }

    public bool IsKeyword(string keyword) =>
        Kind == SshdLineKind.Directive && string.Equals(Keyword, keyword, StringComparison.OrdinalIgnoreCase);

    /// <summary>The value with a trailing comment removed, as the raw text between the first and last argument.</summary>
    public string ValueWithoutComment()
    {
        if (Arguments is null || Arguments.Count == 0)
        {
            return Arguments is null ? Value : string.Empty;
        }

        return Text[Arguments[0].Start..Arguments[^1].End];
    }

    private static bool IsWhitespace(char c) => c is ' ' or '\t' or '\r' or '\n';

    private void Analyse()
    {
        var end = Text.Length;
        while (end > 0 && (IsWhitespace(Text[end - 1]) || Text[end - 1] == '\f'))
        {
            end--;
        }

        var start = 0;
        while (start < end && IsWhitespace(Text[start]))
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
        while (keywordEnd < end && !IsWhitespace(Text[keywordEnd]) && Text[keywordEnd] is not '"' and not '=')
        {
            keywordEnd++;
        }

        if (keywordEnd == start)
        {
            Kind = SshdLineKind.Other;
            return;
        }

        if (Text[start] == '#')
        {
            Kind = SshdLineKind.Comment;
            return;
        }

        Kind = SshdLineKind.Directive;
        Keyword = Text[start..keywordEnd];

        var valueStart = keywordEnd;
        while (valueStart < end && IsWhitespace(Text[valueStart]))
        {
            valueStart++;
        }

        if (valueStart < end && Text[valueStart] == '=')
        {
            valueStart++;
            while (valueStart < end && IsWhitespace(Text[valueStart]))
            {
                valueStart++;
            }
        }

        Value = Text[valueStart..end];
        Arguments = SshdArgumentSplitter.Split(Text[..end], valueStart, terminateOnComment: true);
    }
}
