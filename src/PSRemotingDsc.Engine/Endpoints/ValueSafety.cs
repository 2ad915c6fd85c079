using System.Globalization;
using System.Text;
using PSRemotingDsc.Errors;
using PSRemotingDsc.Platform;
using PSRemotingDsc.Ssh;

namespace PSRemotingDsc.Endpoints;

/// <summary>
/// Keeps user input from becoming configuration or shell syntax: no value carries a line break, a control or
/// invisible format character or a lone surrogate, and a word of a Subsystem command is limited further to what
/// <see cref="ShellSafeWord"/> allows.
/// </summary>
public static class ValueSafety
{
    /// <summary>A non-empty value without whitespace, and without the characters <see cref="RequireSafePath"/> refuses.</summary>
    /// <param name="property">The property named in the error.</param>
    /// <param name="value">The value to check.</param>
    /// <exception cref="PSRemotingDscException">UnsafeValue; nothing was changed.</exception>
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

    /// <summary>A path: no line break, control, invisible format or lone surrogate character, no quote (" ' `) and no '#', which sshd_config reads as syntax; spaces are allowed.</summary>
    /// <param name="property">The property named in the error.</param>
    /// <param name="value">The path to check.</param>
    /// <exception cref="PSRemotingDscException">UnsafeValue; nothing was changed.</exception>
    public static void RequireSafePath(string property, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        for (int i = 0; i < value.Length; i++)
        {
            ThrowIfSyntaxCharacter(property, value, i);
        }
    }

    /// <summary>A word of a Subsystem command (an argument, the pwsh path): see <see cref="ShellSafeWord"/>.</summary>
    public static void RequireSafeCommandWord(string property, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        for (int i = 0; i < value.Length; i++)
        {
            ThrowIfSyntaxCharacter(property, value, i);
        }

        if (ShellSafeWord.Problem(value) is { } problem)
        {
            throw Unsafe(property, value, problem);
        }
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
        IsInvisible(c) ? $"U+{(int)c:X4}" : ShellSafeWord.Name(c);

    private static bool IsInvisible(char c) =>
        char.IsControl(c) || char.IsSurrogate(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    private static PSRemotingDscException Unsafe(string property, string value, string problem) =>
        new(ErrorIds.UnsafeValue,
            $"Property '{property}' {problem}: {Quote(value)}. Such characters would change the meaning of the configuration file or of the command sshd runs; remove them. Nothing was changed.");

    private static string Quote(string value)
    {
        const int Shown = 200;
        var escaped = new StringBuilder(Math.Min(value.Length, Shown) + 16);
        escaped.Append('\'');
        foreach (char c in value.Length > Shown ? value[..Shown] : value)
        {
            escaped.Append(IsInvisible(c) ? $"\\u{(int)c:x4}" : c.ToString());
        }

        escaped.Append('\'');
        return value.Length > Shown ? escaped.Append($" (first {Shown} of {value.Length} characters)").ToString() : escaped.ToString();
    }
}
