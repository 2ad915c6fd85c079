using System.Buffers;
using System.Text;

namespace PSRemotingDsc.Ssh;

/// <summary>
/// OpenSSH's <c>argv_split</c> (misc.c): splits on spaces and tabs, honours "double" and 'single' quotes,
/// and removes the backslash of the escapes <c>\'</c>, <c>\"</c>, <c>\\</c> and (outside quotes) <c>\ </c>.
/// Other backslashes are kept. With <c>terminateOnComment</c>, a token starting with '#' ends the line,
/// as in sshd_config since OpenSSH 8.7.
/// </summary>
internal static class SshdArgumentSplitter
{
    private static readonly SearchValues<char> SpaceOrQuoting = SearchValues.Create(" \t\\\"'");

    /// <summary>Splits <paramref name="text"/> from <paramref name="start"/>; null when a quote is not closed (sshd: "invalid quotes").</summary>
    public static List<SshdToken>? Split(ReadOnlySpan<char> text, int start, bool terminateOnComment)
    {
        var tokens = new List<SshdToken>();
        StringBuilder? value = null;
        var i = start;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is ' ' or '\t')
            {
                i++;
                continue;
            }

            if (terminateOnComment && c == '#')
            {
                break;
            }

            var tokenStart = i;
            var plainEnd = text[i..].IndexOfAny(SpaceOrQuoting);
            if (plainEnd < 0 || text[i + plainEnd] is ' ' or '\t')
            {
                // Nothing to unquote or unescape: the token is the text itself.
                i = plainEnd < 0 ? text.Length : i + plainEnd;
                tokens.Add(new SshdToken(text[tokenStart..i].ToString(), tokenStart, i));
                continue;
            }

            value ??= new StringBuilder();
            value.Clear();
            char quote = '\0';
            for (; i < text.Length; i++)
            {
                c = text[i];
                if (c == '\\' && i + 1 < text.Length)
                {
                    var next = text[i + 1];
                    if (next is '\'' or '"' or '\\' || (quote == '\0' && next == ' '))
                    {
                        i++;
                        value.Append(next);
                    }
                    else
                    {
                        value.Append(c);
                    }
                }
                else if (quote == '\0' && c is ' ' or '\t')
                {
                    break;
                }
                else if (quote == '\0' && c is '"' or '\'')
                {
                    quote = c;
                }
                else if (quote != '\0' && c == quote)
                {
                    quote = '\0';
                }
                else
                {
                    value.Append(c);
                }
            }

            if (quote != '\0')
            {
                return null;
            }

            tokens.Add(new SshdToken(value.ToString(), tokenStart, i));
        }

        return tokens;
    }
}
