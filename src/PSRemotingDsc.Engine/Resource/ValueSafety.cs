using PSRemotingDsc.Errors;

namespace PSRemotingDsc.Resource;

/// <summary>
/// Keeps user input from becoming configuration syntax: a value that reaches an sshd_config line must not
/// carry a line break, a quote, a comment marker or a control character.
/// </summary>
public static class ValueSafety
{
    public static void RequireSafeToken(string property, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            throw Unsafe(property, value, "is empty");
        }

        foreach (char c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                throw Unsafe(property, value, c is '\n' or '\r' ? "contains a line break" : "contains whitespace");
            }

            ThrowIfSyntaxCharacter(property, value, c);
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
        foreach (char c in value)
        {
            if (c is '\n' or '\r')
            {
                throw Unsafe(property, value, "contains a line break");
            }

            ThrowIfSyntaxCharacter(property, value, c);
        }
    }

    private static void ThrowIfSyntaxCharacter(string property, string value, char c)
    {
        if (c is '"' or '\'' or '`')
        {
            throw Unsafe(property, value, "contains a quote character");
        }

        if (c == '#')
        {
            throw Unsafe(property, value, "contains '#', which starts a comment in sshd_config");
        }

        if (char.IsControl(c))
        {
            throw Unsafe(property, value, $"contains the control character U+{(int)c:X4}");
        }
    }

    private static PSRemotingDscException Unsafe(string property, string value, string problem) =>
        new("UnsafeValue", ExitCode.UnsafeValue,
            $"Property '{property}' {problem}: {Quote(value)}. Such characters would change the meaning of the configuration file; remove them.");

    private static string Quote(string value)
    {
        var escaped = new System.Text.StringBuilder(value.Length + 2);
        escaped.Append('\'');
        foreach (char c in value)
        {
            escaped.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return escaped.Append('\'').ToString();
    }
}
