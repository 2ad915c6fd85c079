using System.Buffers;
using System.Text;

namespace PSRemotingDsc.WSMan.Host;

/// <summary>
/// Builds the argument string for <c>cscript.exe //NoLogo winrm.vbs …</c>. It is built by hand, not through
/// <c>ProcessStartInfo.ArgumentList</c>, because the two programs on that line read it differently:
/// <list type="bullet">
/// <item>cscript.exe splits it by the Windows rules (CommandLineToArgvW / the C runtime): it needs <c>//NoLogo</c> and the
/// script path, which are quoted by those rules (<see cref="QuoteForArgv"/>).</item>
/// <item>winrm.vbs ignores that split: it reads the raw line (<c>WSMan.Automation.CommandLine</c>), expands <c>%NAME%</c>
/// in it (<c>WScript.Shell.ExpandEnvironmentStrings</c>) and cuts it at spaces outside double quotes (its
/// <c>CommandLineParser.Parse</c>). A token is a switch only when it <em>starts</em> with <c>-</c> or <c>/</c>, and
/// a switch value is unquoted only in the form <c>-name:"value"</c>. ArgumentList quotes a whole argument that has a
/// space (<c>"-file:C:\Users\A B\x.xml"</c>), which winrm.vbs takes for an extra positional argument, so the input
/// file was lost whenever %TEMP% had a space.</item>
/// </list>
/// Tokens this class cannot carry for both readers are refused (<see cref="ArgumentException"/>), never mangled.
/// </summary>
internal static class WinRMScriptCommandLine
{
    /// <summary>Characters a switch value may carry without quotes: winrm.vbs and the Windows rules read them alike.</summary>
    private static readonly SearchValues<char> Bare =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-");

    /// <summary>Characters a positional token (operation, resource URI) may carry: no spaces, quotes, braces or '%'.</summary>
    private static readonly SearchValues<char> Positional =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-/?=+:*");

    /// <summary>
    /// The argument string: <c>//NoLogo &lt;script&gt; &lt;positional…&gt; -name:value…</c>.
    /// </summary>
    /// <param name="winrmScript">Full path of winrm.vbs (its name must contain "winrm.vbs": that is how the script finds itself on the line).</param>
    /// <param name="positional">Operation and resource URI, in order.</param>
    /// <param name="switches">Switch names (without '-') and values; a null or empty value writes a bare <c>-name</c>.</param>
    /// <exception cref="ArgumentException">A token cannot be carried; see <see cref="CanCarrySwitchValue"/>.</exception>
    internal static string Build(string winrmScript, IEnumerable<string> positional, IEnumerable<KeyValuePair<string, string?>> switches)
    {
        ArgumentNullException.ThrowIfNull(winrmScript);
        if (!winrmScript.Contains("winrm.vbs", StringComparison.OrdinalIgnoreCase)
            || winrmScript.IndexOfAny(['"', '%']) >= 0
            || winrmScript.StartsWith('-')
            || winrmScript.StartsWith('/'))
        {
            throw new ArgumentException($"The script path '{winrmScript}' cannot be passed to winrm.vbs.", nameof(winrmScript));
        }

        var line = new StringBuilder("//NoLogo ");
        line.Append(QuoteForArgv(winrmScript));

        foreach (string token in positional)
        {
            if (token.Length == 0 || token.AsSpan().ContainsAnyExcept(Positional) || token[0] is '-' or '/')
            {
                throw new ArgumentException($"'{token}' cannot be passed to winrm.vbs as a positional argument.", nameof(positional));
            }

            line.Append(' ').Append(token);
        }

        foreach ((string name, string? value) in switches)
        {
            line.Append(' ').Append(Switch(name, value));
        }

        return line.ToString();
    }

    /// <summary>
    /// One switch as winrm.vbs accepts it: <c>-name</c>, <c>-name:value</c> when the value is plain, otherwise
    /// <c>-name:"value"</c> (only the value quoted). cscript's own split of that token by the Windows rules yields
    /// <c>-name:value</c> as well, because a carried value has no '"' and does not end in '\'.
    /// </summary>
    /// <exception cref="ArgumentException">The name is not plain, or <see cref="CanCarrySwitchValue"/> is false.</exception>
    internal static string Switch(string name, string? value)
    {
        if (name.Length == 0 || name.AsSpan().ContainsAnyExcept(Bare))
        {
            throw new ArgumentException($"'{name}' is not a winrm.vbs switch name.", nameof(name));
        }

        if (string.IsNullOrEmpty(value))
        {
            return "-" + name;
        }

        if (!CanCarrySwitchValue(value))
        {
            throw new ArgumentException($"The value of -{name} ('{value}') cannot be passed to winrm.vbs: it holds '\"', '%' or a control character, or ends in '\\'.", nameof(value));
        }

        return value.AsSpan().ContainsAnyExcept(Bare) ? $"-{name}:\"{value}\"" : $"-{name}:{value}";
    }

    /// <summary>
    /// Whether winrm.vbs reads <paramref name="value"/> back unchanged from <c>-name:"value"</c>: no '"' (the script
    /// turns <c>\"</c> into '"' and ends the value at a quote), no '%' (the line goes through
    /// ExpandEnvironmentStrings, which has no escape), no control characters, and no trailing '\' (the script does not
    /// close a quote that follows a backslash). Spaces, '&amp;', '(', ''' and non-ASCII letters are fine: no shell reads
    /// this line.
    /// </summary>
    internal static bool CanCarrySwitchValue(string value) =>
        value.Length > 0
        && !value.EndsWith('\\')
        && !value.Any(c => c is '"' or '%' || char.IsControl(c));

    /// <summary>
    /// Quotes one argument by the rules CommandLineToArgvW and the C runtime split by (the same rules .NET's
    /// ArgumentList writes): bare when it has no whitespace or '"' and is not empty; otherwise in double quotes,
    /// with backslashes doubled before a '"' and at the end, and each '"' escaped as <c>\"</c>.
    /// </summary>
    internal static string QuoteForArgv(string argument)
    {
        if (argument.Length > 0 && !argument.Any(c => char.IsWhiteSpace(c) || c == '"'))
        {
            return argument;
        }

        var quoted = new StringBuilder(argument.Length + 2);
        quoted.Append('"');
        for (int i = 0; i < argument.Length;)
        {
            char c = argument[i++];
            if (c == '\\')
            {
                int backslashes = 1;
                while (i < argument.Length && argument[i] == '\\')
                {
                    i++;
                    backslashes++;
                }

                if (i == argument.Length)
                {
                    quoted.Append('\\', backslashes * 2);
                }
                else if (argument[i] == '"')
                {
                    quoted.Append('\\', (backslashes * 2) + 1).Append('"');
                    i++;
                }
                else
                {
                    quoted.Append('\\', backslashes);
                }
            }
            else if (c == '"')
            {
                quoted.Append("\\\"");
            }
            else
            {
                quoted.Append(c);
            }
        }

        quoted.Append('"');
        return quoted.ToString();
    }
}
