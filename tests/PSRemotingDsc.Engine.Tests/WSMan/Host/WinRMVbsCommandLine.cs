using System.Text;

namespace PSRemotingDsc.Tests.WSMan.Host;

/// <summary>
/// How the two readers of <c>cscript.exe //NoLogo winrm.vbs …</c> split the raw command line, ported so the line the
/// store writes can be checked on any OS.
/// <para>
/// winrm.vbs (Windows' own script, %windir%\System32\winrm.vbs; its text is public, e.g. in copies of the script on
/// GitHub): the main program reads <c>cmdStr = wsmanObj.CommandLine</c>, runs it through
/// <c>WScript.Shell.ExpandEnvironmentStrings</c>, and hands it to <c>WSManCommandLineParser.Parse</c>, which calls
/// <c>CommandLineParser.Parse</c> and then takes the first positional token containing "winrm.vbs" as the script
/// (operation and resource URI follow it); <c>ValidateArguments</c> then insists on exactly that many positional
/// tokens. <see cref="ParseWinRMVbs"/> follows those three routines statement by statement (only the operation
/// shortcuts and switch aliases are left out). The Windows CI workflow runs the real script.
/// </para>
/// <para>
/// cscript.exe: the Windows argument rules (CommandLineToArgvW), <see cref="SplitLikeCommandLineToArgvW"/>.
/// </para>
/// </summary>
internal static class WinRMVbsCommandLine
{
    /// <summary>What winrm.vbs made of a command line.</summary>
    internal sealed record Parsed(string Operation, string Resource, IReadOnlyDictionary<string, string> Switches, IReadOnlyList<string> Positional);

    /// <summary>winrm.vbs stops with "Error: …" (ErrorHandler True → WScript.Quit 1).</summary>
    internal sealed class UsageError(string message) : Exception(message);

    /// <summary>
    /// The raw line .NET gives CreateProcess for <c>ProcessStartInfo(fileName, arguments)</c>: the program in quotes,
    /// a space, the arguments as written.
    /// </summary>
    internal static string RawLine(string fileName, string arguments) => $"\"{fileName}\" {arguments}";

    /// <summary>winrm.vbs's main program up to ValidateArguments: expand, parse, find the script, check the count.</summary>
    /// <exception cref="UsageError">Where winrm.vbs would print an error and quit.</exception>
    internal static Parsed ParseWinRMVbs(string rawCommandLine, IReadOnlyDictionary<string, string>? environment = null)
    {
        string line = ExpandEnvironmentStrings(rawCommandLine, environment ?? new Dictionary<string, string>());
        (List<string> unnamed, Dictionary<string, string> named, int firstSwitchIndex) = CommandLineParserParse(line);

        // WSManCommandLineParser.Parse: the first unnamed value containing "winrm.vbs" is the script.
        int commandIndex = unnamed.FindIndex(value => value.Contains("winrm.vbs", StringComparison.OrdinalIgnoreCase));
        if (commandIndex < 0)
        {
            throw new UsageError("Invalid usage of command line; winrm.vbs not found in command string.");
        }

        string operation = commandIndex + 1 < unnamed.Count ? unnamed[commandIndex + 1].ToLowerInvariant() : "";
        string resource = commandIndex + 2 < unnamed.Count ? unnamed[commandIndex + 2] : "";

        // ValidateArguments: get/set/create/delete/enumerate take one unnamed argument after the operation, so the
        // count from the script on must be 1 + 2; an "@{...}" token does not count. Switches must follow them.
        int expected = 1 + 2;
        int count = unnamed.Count - commandIndex - (unnamed.Skip(commandIndex).Any(v => v.StartsWith('@')) ? 1 : 0);
        bool valid = count == expected && !(firstSwitchIndex <= expected && firstSwitchIndex > 0);
        if (!valid)
        {
            throw new UsageError("Invalid use of command line. Type \"winrm -?\" for help.");
        }

        return new Parsed(operation, resource, named, unnamed.Skip(commandIndex + 1).ToList());
    }

    /// <summary>
    /// CommandLineParser.Parse. Returns the unnamed values, the named ones (name lower-cased) and
    /// m_indexFirstSwitch (-1 when there is no switch).
    /// </summary>
    private static (List<string> Unnamed, Dictionary<string, string> Named, int FirstSwitchIndex) CommandLineParserParse(string cmdlineStr)
    {
        var all = new List<string>();
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        var unnamed = new List<string>();
        int firstSwitch = -1;
        int i = 0;
        int length = cmdlineStr.Length;

        while (i < length)
        {
            var current = new StringBuilder();
            bool inQuote = false;
            bool inCurly = false;

            // skip whitespace (only ' ')
            while (i < length && cmdlineStr[i] == ' ')
            {
                i++;
            }

            // capture text until first unquoted or uncurlied space, or end of string
            while (i < length)
            {
                char c = cmdlineStr[i];
                if (c == '{')
                {
                    if (!inQuote)
                    {
                        inCurly = true;
                    }

                    current.Append(c);
                }
                else if (c == '}')
                {
                    if (!inQuote)
                    {
                        inCurly = false;
                    }

                    current.Append(c);
                }
                else if (c == '"')
                {
                    if (inQuote)
                    {
                        // Mid(cmdlineStr, parseIndex-1, 1) <> "\": a quote after a backslash does not close.
                        if (cmdlineStr[i - 1] != '\\')
                        {
                            inQuote = false;
                        }
                    }
                    else
                    {
                        inQuote = true;
                    }

                    current.Append(c);
                }
                else if (c == ' ')
                {
                    if (inQuote || inCurly)
                    {
                        current.Append(c);
                    }
                    else
                    {
                        break;
                    }
                }
                else
                {
                    current.Append(c);
                }

                i++;
            }

            string parameter = current.ToString();
            if (parameter.Length == 0)
            {
                continue;
            }

            if (parameter[0] is '-' or '/')
            {
                if (parameter.StartsWith("//", StringComparison.Ordinal) || parameter.StartsWith("--", StringComparison.Ordinal))
                {
                    continue; // double-prefix parameters are the script host's, e.g. //NoLogo
                }

                string name;
                string value;
                int colon = parameter.IndexOf(':', StringComparison.Ordinal);
                if (colon >= 0)
                {
                    name = parameter[1..colon].ToLowerInvariant();
                    bool quoted = false;
                    if (colon + 1 < parameter.Length && parameter[colon + 1] == '"')
                    {
                        if (parameter.Length > colon + 2 && parameter[^1] == '"')
                        {
                            quoted = true;
                        }
                        else
                        {
                            throw new UsageError("A quoted parameter value must begin and end with quotes: " + name);
                        }
                    }
                    else if (parameter[^1] == '"')
                    {
                        throw new UsageError("A quoted parameter value must begin and end with quotes: " + name);
                    }

                    value = quoted ? parameter[(colon + 2)..^1] : parameter[(colon + 1)..];
                }
                else
                {
                    name = parameter[1..].ToLowerInvariant();
                    value = "";
                }

                if (name.Length == 0)
                {
                    throw new UsageError("Missing switch name");
                }

                if (named.ContainsKey(name))
                {
                    throw new UsageError("Option is not unique: " + name);
                }

                value = value.Replace("\\\"", "\"", StringComparison.Ordinal);
                if (named.Count == 0)
                {
                    firstSwitch = all.Count;
                }

                named.Add(name, value);
                all.Add(name);
            }
            else
            {
                string value = parameter.Length >= 2 && parameter[0] == '"' && parameter[^1] == '"'
                    ? parameter[1..^1]
                    : parameter;
                value = value.Replace("\\\"", "\"", StringComparison.Ordinal);
                unnamed.Add(value);
                all.Add(value);
            }
        }

        return (unnamed, named, firstSwitch);
    }

    /// <summary>ExpandEnvironmentStrings: %NAME% of a defined variable is replaced; anything else stays.</summary>
    private static string ExpandEnvironmentStrings(string text, IReadOnlyDictionary<string, string> environment)
    {
        var result = new StringBuilder();
        int i = 0;
        while (i < text.Length)
        {
            int start = text.IndexOf('%', i);
            int end = start < 0 ? -1 : text.IndexOf('%', start + 1);
            if (end < 0)
            {
                result.Append(text, i, text.Length - i);
                break;
            }

            string name = text[(start + 1)..end];
            if (environment.TryGetValue(name, out string? value))
            {
                result.Append(text, i, start - i).Append(value);
                i = end + 1;
            }
            else
            {
                result.Append(text, i, end - i);
                i = end;
            }
        }

        return result.ToString();
    }

    /// <summary>
    /// CommandLineToArgvW: the program name ends at the next space or, when it starts with '"', at the next '"';
    /// in the arguments 2n backslashes + '"' give n backslashes and toggle quoting, 2n+1 backslashes + '"' give n
    /// backslashes and a literal '"', other backslashes are literal, '""' inside quotes is a literal '"', and
    /// spaces and tabs outside quotes separate.
    /// </summary>
    internal static IReadOnlyList<string> SplitLikeCommandLineToArgvW(string line)
    {
        var argv = new List<string>();
        int i = 0;
        var program = new StringBuilder();
        if (i < line.Length && line[i] == '"')
        {
            i++;
            while (i < line.Length && line[i] != '"')
            {
                program.Append(line[i++]);
            }

            i++;
        }
        else
        {
            while (i < line.Length && line[i] is not ' ' and not '\t')
            {
                program.Append(line[i++]);
            }
        }

        argv.Add(program.ToString());

        while (true)
        {
            while (i < line.Length && line[i] is ' ' or '\t')
            {
                i++;
            }

            if (i >= line.Length)
            {
                return argv;
            }

            var argument = new StringBuilder();
            bool inQuotes = false;
            while (i < line.Length && (inQuotes || line[i] is not ' ' and not '\t'))
            {
                if (line[i] == '\\')
                {
                    int backslashes = 0;
                    while (i < line.Length && line[i] == '\\')
                    {
                        backslashes++;
                        i++;
                    }

                    if (i < line.Length && line[i] == '"')
                    {
                        argument.Append('\\', backslashes / 2);
                        if (backslashes % 2 == 1)
                        {
                            argument.Append('"');
                            i++;
                        }
                    }
                    else
                    {
                        argument.Append('\\', backslashes);
                    }
                }
                else if (line[i] == '"')
                {
                    if (inQuotes && i + 1 < line.Length && line[i + 1] == '"')
                    {
                        argument.Append('"');
                        i += 2;
                    }
                    else
                    {
                        inQuotes = !inQuotes;
                        i++;
                    }
                }
                else
                {
                    argument.Append(line[i++]);
                }
            }

            argv.Add(argument.ToString());
        }
    }
}
