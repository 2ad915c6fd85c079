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
/// winrm/config/plugin?Name=&lt;Name&gt; [-file:&lt;tmp.xml&gt;] [-format:xml]</c>, each run bounded by BoundedProcess.
/// winrm.vbs drives the same <c>WSMan.Automation</c> session object (IWSManSession Create/Put/Delete/Get/Enumerate),
/// so WinRM sees exactly what the cmdlets send. Why not COM from C#: the engine is AOT-compatible, which rules out
/// late-bound (IDispatch) COM, and source-generated COM needs the exact IWSManEx/IWSManSession vtables, which we
/// could not verify without the Windows SDK's wsmandisp.idl; a wrong slot would call the wrong method. Why cscript and
/// not winrm.cmd: a .cmd file runs through cmd.exe, whose quoting rules differ from CreateProcess's; cscript takes
/// the argument vector as-is. Names are checked by <see cref="PluginNameGuard"/> before they reach any command line.
/// The XML goes through a temp file written in pure ASCII (non-ASCII characters become character references), so
/// it reads the same whatever code page winrm.vbs opens it with.
/// </remarks>
[SupportedOSPlatform("windows")]
public sealed partial class WSManConfigPluginStore : IWSManPluginStore
{
    /// <summary>WSMan fault code for "Access is denied".</summary>
    private const string AccessDeniedCode = "5";

    /// <summary>WSMan fault 0x80338012: the client cannot connect (WinRM not running or no listener).</summary>
    private const string CannotConnectCode = "2150858770";

    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private readonly Func<string, IReadOnlyList<string>, TimeSpan, BoundedProcess.Outcome> _run;
    private readonly string _systemDirectory;
    private readonly TimeSpan _timeout;

    /// <summary>A store that runs this machine's <c>winrm.vbs</c> under <c>cscript.exe</c>, each call bounded to 60 seconds.</summary>
    public WSManConfigPluginStore()
        : this(Environment.SystemDirectory, DefaultTimeout, BoundedProcess.Run)
    {
    }

    internal WSManConfigPluginStore(string systemDirectory, TimeSpan timeout, Func<string, IReadOnlyList<string>, TimeSpan, BoundedProcess.Outcome> run)
    {
        _systemDirectory = systemDirectory;
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
        string output = Invoke("list", "", ["enumerate", "winrm/config/plugin", "-format:xml"]);
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

        string output = Invoke("read", name, ["get", ResourceUri(name), "-format:xml"]);
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
        string file = Path.Join(Path.GetTempPath(), $"psremotingdsc-{Guid.NewGuid():N}.xml");
        try
        {
            File.WriteAllText(file, ToAsciiXml(configXml), Encoding.ASCII);
            Invoke(verb, name, [verb, ResourceUri(name), "-file:" + file]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private string Invoke(string verb, string name, IReadOnlyList<string> winrmArguments)
    {
        string cscript = Path.Join(_systemDirectory, "cscript.exe");
        string winrmScript = Path.Join(_systemDirectory, "winrm.vbs");
        List<string> arguments = ["//NoLogo", winrmScript, .. winrmArguments];

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
            string code = FaultCode().Match(detail) is { Success: true } m ? m.Groups["code"].Value : "";
            (ErrorDefinition error, string hint) = code switch
            {
                AccessDeniedCode => (ErrorIds.WSManPluginAccessDenied, "Run from an elevated (Run as administrator) process."),
                CannotConnectCode => (ErrorIds.WSManUnavailable, "Start the WinRM service (Start-Service WinRM) and make sure a listener exists (Set-WSManQuickConfig)."),
                _ => (ErrorIds.WSManPluginStoreFailed, "Nothing was changed by this call."),
            };
            throw new PSRemotingDscException(error, $"Cannot {verb} WSMan plugin '{name}' through the {Kind} (winrm exit code {outcome.ExitCode}): {FirstLines(detail)} {hint}");
        }

        return outcome.StandardOutput;
    }

    private static string FirstLines(string text)
    {
        string[] lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(" ", lines.Take(4));
    }

    [GeneratedRegex(@"<(?:[A-Za-z0-9_]+:)?PlugInConfiguration\b[^>]*?\sName=""(?<name>[^""]*)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PluginNameAttribute();

    [GeneratedRegex(@"Code=""(?<code>\d+)""", RegexOptions.CultureInvariant)]
    private static partial Regex FaultCode();
}
