using System.Globalization;
using System.Text;
using PSRemotingDsc.Errors;

namespace PSRemotingDsc.Resource;

/// <summary>
/// Keeps user input from becoming configuration or shell syntax. Every value is free of line breaks, control
/// and invisible format characters and lone surrogates. A word of a Subsystem command (an argument, the pwsh
/// path) must also pass unchanged through every reader between sshd_config and pwsh's argv, which is why it is
/// restricted to a set of characters that no reader treats specially:
/// <list type="bullet">
/// <item>sshd's tokenizer (<c>argv_split</c>, OpenSSH misc.c) removes quotes and backslashes; from OpenSSH 9.5
/// on, sshd re-escapes the tokens (<c>argv_assemble</c>) in a way that leaves <c>$</c> and backticks live;</item>
/// <item>sshd runs the joined command with the connecting user's login shell (<c>$SHELL -c</c>, session.c
/// <c>do_child</c>), which may be sh, bash, zsh, fish, csh or pwsh — or, on Windows, <c>cmd.exe /c</c>
/// (Win32-OpenSSH w32-doexec.c) followed by the C runtime's argument splitting.</item>
/// </list>
/// No quoting means the same thing to all of them, so a character outside the set is rejected and named.
/// </summary>
public static class ValueSafety
{
    /// <summary>The ASCII punctuation a command word may contain: literal for sshd, every common shell and cmd.exe.</summary>
    public const string CommandWordPunctuation = "_./:=+,@-";

    public static void RequireSafeToken(string property, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            throw Unsafe(property, value, "is empty");
        }

        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (char.IsWhiteSpace(c))
            {
                throw Unsafe(property, value, c is '\n' or '\r' ? "contains a line break" : "contains whitespace");
            }

            ThrowIfSyntaxCharacter(property, value, i);
        }
    }

    /// <summary>
    /// A subsystem name: a safe token that also has no backslash (an escape in sshd's argument splitting) and
    /// no '=' (a keyword/value separator in older OpenSSH), the characters <see cref="Ssh.SshdConfigDocument"/> refuses.
    /// </summary>
    public static void RequireSafeName(string property, string value)
    {
        RequireSafeToken(property, value);
        if (value.Contains('\\', StringComparison.Ordinal))
        {
            throw Unsafe(property, value, "contains '\\', which sshd reads as an escape character");
        }

        if (value.Contains('=', StringComparison.Ordinal))
        {
            throw Unsafe(property, value, "contains '=', which separates a keyword from its value in sshd_config");
        }
    }

    public static void RequireSafePath(string property, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        for (int i = 0; i < value.Length; i++)
        {
            ThrowIfSyntaxCharacter(property, value, i);
        }
    }

    /// <summary>
    /// A word of a Subsystem command: letters and digits (any script), and <see cref="CommandWordPunctuation"/>;
    /// not starting with '=' (zsh expands <c>=cmd</c>) or '@' (PowerShell splats <c>@var</c>); and a word starting
    /// with '-' has no '.' (PowerShell, as a login shell, passes <c>-a.b</c> as two arguments).
    /// </summary>
    public static void RequireSafeCommandWord(string property, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            throw Unsafe(property, value, "is empty, which sshd cannot pass as an argument");
        }

        for (int i = 0; i < value.Length; i++)
        {
            ThrowIfSyntaxCharacter(property, value, i);
            char c = value[i];
            if (!IsCommandWordCharacter(value, i))
            {
                throw Unsafe(property, value, $"contains {Name(c)}, which a login shell or sshd would interpret (only letters, digits and {CommandWordPunctuation} pass through literally)");
            }
        }

        if (value[0] is '=' or '@')
        {
            throw Unsafe(property, value, $"starts with {Name(value[0])}, which {(value[0] == '=' ? "zsh expands to a command path" : "PowerShell reads as splatting")} when it is the login shell");
        }

        if (value[0] == '-' && value.Contains('.', StringComparison.Ordinal))
        {
            throw Unsafe(property, value, "starts with '-' and contains '.', which PowerShell, when it is the login shell, splits into two arguments; pass the switch and its value as separate arguments");
        }
    }

    /// <summary>True when every word is a safe command word (see <see cref="RequireSafeCommandWord"/>).</summary>
    public static bool AreSafeCommandWords(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        foreach (string word in words)
        {
            try
            {
                RequireSafeCommandWord("word", word);
            }
            catch (PSRemotingDscException)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsCommandWordCharacter(string value, int index)
    {
        char c = value[index];
        if (char.IsAsciiLetterOrDigit(c) || CommandWordPunctuation.Contains(c, StringComparison.Ordinal))
        {
            return true;
        }

        if (c < 0x80)
        {
            return false;
        }

        // Letters and digits of other scripts (a surrogate pair counts as one character) are literal everywhere.
        UnicodeCategory category = char.IsHighSurrogate(c) && index + 1 < value.Length
            ? CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, value[index + 1]))
            : char.IsLowSurrogate(c) && index > 0 && char.IsHighSurrogate(value[index - 1])
                ? CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(value[index - 1], c))
                : CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    private static void ThrowIfSyntaxCharacter(string property, string value, int index)
    {
        char c = value[index];
        if (c is '"' or '\'' or '`')
        {
            throw Unsafe(property, value, $"contains the quote character {Name(c)}");
        }

        if (c == '#')
        {
            throw Unsafe(property, value, "contains '#', which starts a comment in sshd_config");
        }

        if (c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029')
        {
            throw Unsafe(property, value, $"contains the line break {Name(c)}");
        }

        if (char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
        {
            throw Unsafe(property, value, $"contains the {(char.IsControl(c) ? "control" : "invisible format")} character {Name(c)}");
        }

        bool paired = char.IsHighSurrogate(c)
            ? index + 1 < value.Length && char.IsLowSurrogate(value[index + 1])
            : !char.IsLowSurrogate(c) || (index > 0 && char.IsHighSurrogate(value[index - 1]));
        if (!paired)
        {
            throw Unsafe(property, value, $"contains the lone surrogate {Name(c)}, which is not a character and cannot be written as UTF-8");
        }
    }

    /// <summary>"'$' (U+0024)", or just the code point for what would not print.</summary>
    private static string Name(char c) =>
        char.IsControl(c) || char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            ? $"U+{(int)c:X4}"
            : $"'{c}' (U+{(int)c:X4})";

    private static PSRemotingDscException Unsafe(string property, string value, string problem) =>
        new("UnsafeValue", ExitCode.UnsafeValue,
            $"Property '{property}' {problem}: {Quote(value)}. Such characters would change the meaning of the configuration file or of the command sshd runs; remove them. Nothing was changed.");

    private static string Quote(string value)
    {
        const int Shown = 200;
        var escaped = new StringBuilder(Math.Min(value.Length, Shown) + 16);
        escaped.Append('\'');
        foreach (char c in value.Length > Shown ? value[..Shown] : value)
        {
            escaped.Append(char.IsControl(c) || char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                ? $"\\u{(int)c:x4}"
                : c.ToString());
        }

        escaped.Append('\'');
        return value.Length > Shown ? escaped.Append($" (first {Shown} of {value.Length} characters)").ToString() : escaped.ToString();
    }
}
