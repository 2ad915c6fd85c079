using System.ComponentModel;
using System.Globalization;
using System.Net;
using System.Runtime.Versioning;
using System.Text;
using System.Text.RegularExpressions;
using PSRemotingDsc.Errors;
using PSRemotingDsc.Platform;

namespace PSRemotingDsc.WSMan.Host;

/// <summary>
/// Writes plugins through the WSMan configuration API, the path PowerShell's own cmdlets take
/// (<c>New-Item WSMan:\localhost\Plugin -File</c> → <c>IWSManSession.Create("winrm/Config/Plugin?Name=…")</c>,
/// property edits → <c>Put</c>, removal → <c>Delete</c>; research §2.5). WinRM applies these itself, so no restart
/// is needed to make a new or removed plugin visible (changed attributes other than Security may still need one, §4.6).
/// </summary>
/// <remarks>
/// Route: <c>%windir%\System32\cscript.exe //NoLogo %windir%\System32\winrm.vbs create|put|delete|get|enumerate
/// winrm/config/plugin?Name=&lt;Name&gt; [-file:"&lt;tmp.xml&gt;"] -format:xml</c>, each run bounded in time.
/// winrm.vbs drives the same <c>WSMan.Automation</c> session object (IWSManSession Create/Put/Delete/Get/Enumerate),
/// so WinRM sees exactly what the cmdlets send. Why not COM from C#: the engine is AOT-compatible, which rules out
/// late-bound (IDispatch) COM, and source-generated COM needs the exact IWSManEx/IWSManSession vtables, which we
/// could not verify without the Windows SDK's wsmandisp.idl; a wrong slot would call the wrong method. Why cscript and
/// not winrm.cmd: a .cmd file runs through cmd.exe, whose quoting rules differ from CreateProcess's. winrm.vbs does not
/// use the argument vector either: it re-reads the raw command line with its own rules, so the line is written by
/// <see cref="WinRMScriptCommandLine"/> (the input file as <c>-file:"…"</c>, quoting only the value). Names are checked
/// by <see cref="PluginNameGuard"/> before they reach any command line. Every call asks for <c>-format:xml</c>, so a
/// fault is printed as the WSManFault XML rather than through WsmTxt.xsl; the <c>Error number:</c> line winrm.vbs
/// prints in every format is read as well (<see cref="FaultCodes"/>).
/// The XML goes through a temp file written in pure ASCII (non-ASCII characters become character references), so
/// it reads the same whatever code page winrm.vbs opens it with.
/// </remarks>
[SupportedOSPlatform("windows")]
public sealed partial class WSManConfigPluginStore : IWSManPluginStore
{
    /// <summary>Win32 error 5, "Access is denied" (the WSManFault Code; as an HRESULT 0x80070005).</summary>
    private const uint AccessDeniedCode = 5;

    /// <summary>WSMan fault 0x80338012: the client cannot connect (WinRM not running or no listener).</summary>
    private const uint CannotConnectCode = 0x80338012;

    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private readonly Func<string, string, TimeSpan, BoundedProcess.Outcome> _run;
    private readonly string _systemDirectory;
    private readonly string? _tempDirectory;
    private readonly TimeSpan _timeout;

    /// <summary>A store that runs this machine's <c>winrm.vbs</c> under <c>cscript.exe</c>, each call bounded to 60 seconds.</summary>
    public WSManConfigPluginStore()
        : this(Environment.SystemDirectory, DefaultTimeout, BoundedProcess.RunCommandLine)
    {
    }

    /// <param name="systemDirectory">Where cscript.exe and winrm.vbs are.</param>
    /// <param name="timeout">The bound of each call.</param>
    /// <param name="run">Runs a program with an argument string written as-is (file, arguments, timeout).</param>
    /// <param name="tempDirectory">Where the input file of create and put is written; null: <see cref="Path.GetTempPath"/>.</param>
    internal WSManConfigPluginStore(string systemDirectory, TimeSpan timeout, Func<string, string, TimeSpan, BoundedProcess.Outcome> run, string? tempDirectory = null)
    {
        _systemDirectory = systemDirectory;
        _tempDirectory = tempDirectory;
        _timeout = timeout;
        _run = run;
    }

    /// <inheritdoc />
    public string Kind => "WSMan configuration API (winrm/config/plugin)";

    /// <summary>False: WinRM applies writes made through its own API at once.</summary>
    public bool WritesNeedWinRMRestart => false;

    /// <inheritdoc />
    /// <exception cref="PSRemotingDscException">
    /// WSManUnavailable (cscript did not start, or WinRM cannot be reached), WSManCallTimedOut,
    /// WSManPluginAccessDenied or WSManPluginStoreFailed.
    /// </exception>
    public IReadOnlyList<string> ListPluginNames()
    {
        string output = Invoke("list", "", ["enumerate", "winrm/config/plugin"]);
        return PluginNameAttribute().Matches(output)
            .Select(match => WebUtility.HtmlDecode(match.Groups["name"].Value))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <inheritdoc />
    public string? GetConfigXml(string name)
    {
        PluginNameGuard.Ensure(name);

        // "Not found" is not told apart reliably by fault code across Windows versions; ask the list first.
        if (!ListPluginNames().Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        string output = Invoke("read", name, ["get", ResourceUri(name)]);
        int start = output.IndexOf('<', StringComparison.Ordinal);
        return start < 0 ? null : output[start..].Trim();
    }

    /// <inheritdoc />
    /// <remarks>An existing plugin of that name is reported by winrm, as WSManPluginStoreFailed.</remarks>
    public void Create(string name, string configXml) => Write("create", name, configXml);

    /// <inheritdoc />
    /// <remarks>A missing plugin is reported by winrm, as WSManPluginStoreFailed.</remarks>
    public void Put(string name, string configXml) => Write("put", name, configXml);

    /// <inheritdoc />
    public void Delete(string name)
    {
        PluginNameGuard.Ensure(name);
        if (!ListPluginNames().Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            return;
        }

        Invoke("delete", name, ["delete", ResourceUri(name)]);
    }

    /// <summary>Every character outside printable ASCII becomes an XML character reference.</summary>
    internal static string ToAsciiXml(string xml)
    {
        var builder = new StringBuilder(xml.Length);
        for (int i = 0; i < xml.Length; i++)
        {
            char c = xml[i];
            if (c is '\r' or '\n' or '\t' || (c >= ' ' && c <= '~'))
            {
                builder.Append(c);
            }
            else
            {
                int codePoint = char.IsHighSurrogate(c) && i + 1 < xml.Length && char.IsLowSurrogate(xml[i + 1])
                    ? char.ConvertToUtf32(c, xml[++i])
                    : c;
                builder.Append("&#x").Append(codePoint.ToString("X", CultureInfo.InvariantCulture)).Append(';');
            }
        }

        return builder.ToString();
    }

    internal static string ResourceUri(string name) => "winrm/config/plugin?Name=" + name;

    private void Write(string verb, string name, string configXml)
    {
        PluginNameGuard.Ensure(name);
        ArgumentNullException.ThrowIfNull(configXml);
        string file = InputFilePath(_tempDirectory ?? Path.GetTempPath());
        if (!WinRMScriptCommandLine.CanCarrySwitchValue(file))
        {
            throw new PSRemotingDscException(
                ErrorIds.WSManPluginStoreFailed,
                $"Cannot {verb} WSMan plugin '{name}': the temp folder '{Path.GetDirectoryName(file)}' holds a '%' (winrm.vbs expands %NAME% in its command line) or a character winrm.vbs cannot read in -file:. Set TEMP and TMP to a folder without them. Nothing was changed.");
        }

        try
        {
            // CreateNew: never write through a file (or link) someone else put at this name.
            using (var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            using (var writer = new StreamWriter(stream, Encoding.ASCII))
            {
                writer.Write(ToAsciiXml(configXml));
            }

            Invoke(verb, name, [verb, ResourceUri(name)], file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>A fresh input file name in <paramref name="tempDirectory"/>: <c>psremotingdsc-&lt;32 hex digits&gt;.xml</c>, nothing else.</summary>
    internal static string InputFilePath(string tempDirectory) =>
        Path.Join(tempDirectory, $"psremotingdsc-{Guid.NewGuid():N}.xml");

    private string Invoke(string verb, string name, IReadOnlyList<string> winrmArguments, string? inputFile = null)
    {
        string cscript = Path.Join(_systemDirectory, "cscript.exe");
        string winrmScript = Path.Join(_systemDirectory, "winrm.vbs");
        List<KeyValuePair<string, string?>> switches = [];
        if (inputFile is not null)
        {
            switches.Add(new("file", inputFile));
        }

        switches.Add(new("format", "xml"));
        string arguments = WinRMScriptCommandLine.Build(winrmScript, winrmArguments, switches);

        BoundedProcess.Outcome outcome;
        try
        {
            outcome = _run(cscript, arguments, _timeout);
        }
        catch (Win32Exception ex)
        {
            throw new PSRemotingDscException(ErrorIds.WSManUnavailable, $"Cannot {verb} WSMan plugin '{name}': '{cscript}' did not start ({ex.Message}).", ex);
        }

        if (outcome.TimedOut)
        {
            throw new PSRemotingDscException(
                ErrorIds.WSManCallTimedOut,
                $"Cannot {verb} WSMan plugin '{name}': 'winrm {winrmArguments[0]}' did not finish within {_timeout.TotalSeconds:0} s. Check that the WinRM service responds ('winrm enumerate winrm/config/listener').");
        }

        if (outcome.ExitCode != 0)
        {
            string detail = (outcome.StandardError + "\n" + outcome.StandardOutput).Trim();
            (ErrorDefinition error, string hint) = MapFailure(detail);
            throw new PSRemotingDscException(error, $"Cannot {verb} WSMan plugin '{name}' through the {Kind} (winrm exit code {outcome.ExitCode}): {FirstLines(detail)} {hint}");
        }

        return outcome.StandardOutput;
    }

    /// <summary>The error ID and hint for winrm.vbs's error output: the first fault code it names that is known.</summary>
    internal static (ErrorDefinition Error, string Hint) MapFailure(string detail)
    {
        foreach (uint code in FaultCodes(detail))
        {
            switch (code)
            {
                case AccessDeniedCode:
                    return (ErrorIds.WSManPluginAccessDenied, "Run from an elevated (Run as administrator) process.");
                case CannotConnectCode:
                    return (ErrorIds.WSManUnavailable, "Start the WinRM service (Start-Service WinRM) and make sure a listener exists (Set-WSManQuickConfig).");
                default:
                    break;
            }
        }

        return (ErrorIds.WSManPluginStoreFailed, "Nothing was changed by this call.");
    }

    /// <summary>
    /// Every fault code in winrm.vbs's error output, in order: first each <c>Code="…"</c> of the WSManFault XML
    /// (<c>-format:xml</c>), then each number its ASSERTERR prints in every format after the fault, a line
    /// <c>Error number:  -2147024891 0x80070005</c> (<c>L_ERRNO_Message &amp; " " &amp; Err.Number &amp; " 0x" &amp; Hex(Err.Number)</c>).
    /// That line is recognised by its two numbers, which must agree (the label may be localized), and only when it is
    /// a failure HRESULT: a plain VBScript error number (5 is "Invalid procedure call") is not a WSMan fault. A Win32
    /// HRESULT (0x8007xxxx) is reduced to its Win32 code, so 0x80070005 and Code="5" are both 5.
    /// </summary>
    internal static IReadOnlyList<uint> FaultCodes(string detail)
    {
        var codes = new List<uint>();
        foreach (Match match in FaultCode().Matches(detail))
        {
            if (uint.TryParse(match.Groups["code"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out uint code))
            {
                codes.Add(FromWin32HResult(code));
            }
        }

        foreach (Match match in ErrorNumberLine().Matches(detail))
        {
            if (long.TryParse(match.Groups["dec"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long number)
                && uint.TryParse(match.Groups["hex"].Value, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint hex)
                && number is >= int.MinValue and < 0
                && unchecked((uint)(int)number) == hex)
            {
                codes.Add(FromWin32HResult(hex));
            }
        }

        return codes;
    }

    /// <summary>HRESULT_FROM_WIN32 undone: 0x8007xxxx becomes xxxx; any other code is returned as it is.</summary>
    private static uint FromWin32HResult(uint code) => (code & 0xFFFF0000) == 0x80070000 ? code & 0xFFFF : code;

    private static string FirstLines(string text)
    {
        string[] lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(" ", lines.Take(4));
    }

    [GeneratedRegex(@"<(?:[A-Za-z0-9_]+:)?PlugInConfiguration\b[^>]*?\sName=""(?<name>[^""]*)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PluginNameAttribute();

    [GeneratedRegex(@"Code=""(?<code>\d+)""", RegexOptions.CultureInvariant)]
    private static partial Regex FaultCode();

    [GeneratedRegex(@"(?<![\w-])(?<dec>-?\d{1,10})[ \t]+0x(?<hex>[0-9A-Fa-f]{1,8})\b", RegexOptions.CultureInvariant)]
    private static partial Regex ErrorNumberLine();
}
