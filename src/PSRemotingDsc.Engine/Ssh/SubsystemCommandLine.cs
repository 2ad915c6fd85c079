namespace PSRemotingDsc.Ssh;

/// <summary>
/// The command of a Subsystem line split into executable and arguments the way sshd splits it
/// (<c>argv_split</c>: quotes and backslash escapes), and the PowerShell switches that matter for an SSH
/// endpoint, recognised the way pwsh's CommandLineParameterParser does: a '-', '--' or '/' prefix, any case,
/// and any prefix of the full name at least as long as the shortest unambiguous one
/// (<c>-sshs</c>…<c>-SSHServerMode</c>, <c>-nol</c>…<c>-NoLogo</c>, <c>-nop</c>…<c>-NoProfile</c>).
/// Equality compares the executable and the arguments ordinally.
/// </summary>
/// <param name="Executable">The first word of the command, unquoted; empty when the command is empty.</param>
/// <param name="Arguments">The remaining words, unquoted and unescaped, in order.</param>
public sealed record SubsystemCommandLine(string Executable, IReadOnlyList<string> Arguments)
{
    /// <summary>The arguments <see cref="ForPowerShell"/> puts before the extra ones.</summary>
    public static IReadOnlyList<string> PowerShellServerArguments { get; } = ["-sshs", "-NoLogo", "-NoProfile"];

    /// <summary>True when an argument is pwsh's <c>-SSHServerMode</c> switch.</summary>
    public bool IsServerMode => Arguments.Any(argument => IsSwitch(argument, "sshservermode", "sshs"));

    /// <summary>The arguments without the server-mode, NoLogo and NoProfile switches, in their order.</summary>
    public IReadOnlyList<string> ExtraArguments =>
        [.. Arguments.Where(argument => !IsSwitch(argument, "sshservermode", "sshs") && !IsSwitch(argument, "nologo", "nol") && !IsSwitch(argument, "noprofile", "nop"))];

    /// <summary>
    /// Splits a Subsystem command. Lenient where sshd is strict: an unclosed quote runs to the end of the text,
    /// and an empty command gives an empty executable.
    /// </summary>
    public static SubsystemCommandLine Parse(string command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var tokens = SshdArgumentSplitter.Split(command, 0, terminateOnComment: false)
            ?? SshdArgumentSplitter.Split(command + ClosingQuote(command), 0, terminateOnComment: false)
            ?? [];
        if (tokens.Count == 0)
        {
            return new SubsystemCommandLine(string.Empty, []);
        }

        return new SubsystemCommandLine(tokens[0].Value, [.. tokens.Skip(1).Select(token => token.Value)]);
    }

    /// <summary><c>pwsh -sshs -NoLogo -NoProfile extra...</c>, the line PowerShell's own tooling writes.</summary>
    public static SubsystemCommandLine ForPowerShell(string pwshPath, IReadOnlyList<string> extraArguments)
    {
        ArgumentException.ThrowIfNullOrEmpty(pwshPath);
        ArgumentNullException.ThrowIfNull(extraArguments);
        return new SubsystemCommandLine(pwshPath, [.. PowerShellServerArguments, .. extraArguments]);
    }

    /// <summary>
    /// The command text: executable and arguments joined by single spaces, without quoting. Callers reject
    /// whitespace and quotes in paths and arguments before they get here.
    /// </summary>
    public string Render() => Arguments.Count == 0 ? Executable : Executable + " " + string.Join(' ', Arguments);

    /// <summary>True when <paramref name="other"/> has the same executable and the same arguments in the same order, compared ordinally.</summary>
    /// <param name="other">The command line to compare with, or null.</param>
    /// <returns>True when both command lines are the same.</returns>
    public bool Equals(SubsystemCommandLine? other) =>
        other is not null &&
        string.Equals(Executable, other.Executable, StringComparison.Ordinal) &&
        Arguments.SequenceEqual(other.Arguments, StringComparer.Ordinal);

    /// <summary>A hash of the executable and the arguments, consistent with <see cref="Equals(SubsystemCommandLine)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Executable, StringComparer.Ordinal);
        foreach (var argument in Arguments)
        {
            hash.Add(argument, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <summary>pwsh's MatchSwitch after GetSwitchKey removed the prefix.</summary>
    private static bool IsSwitch(string argument, string fullName, string shortestName)
    {
        var key = argument.Trim();
        if (key.Length == 0 || !(IsDash(key[0]) || key[0] == '/'))
        {
            return false;
        }

        var prefix = key[0];
        key = key[1..];
        if (IsDash(prefix) && key.Length > 0 && key[0] == prefix)
        {
            key = key[1..];
        }

        return key.Length >= shortestName.Length && fullName.StartsWith(key, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>PowerShell's CharExtensions.IsDash: hyphen-minus, en dash, em dash, horizontal bar.</summary>
    private static bool IsDash(char c) => c is '-' or '\u2013' or '\u2014' or '\u2015';

    private static string ClosingQuote(string command)
    {
        char quote = '\0';
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            if (c == '\\')
            {
                i++;
            }
            else if (quote == '\0' && c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == quote)
            {
                quote = '\0';
            }
        }

        return quote == '\0' ? string.Empty : quote.ToString();
    }
}
