using System.Text;
using PSRemotingDsc.Errors;

namespace PSRemotingDsc.WSMan.Host;

/// <summary>
/// <c>RemotePowerShellConfig.txt</c>, the file beside a <c>pwrshplugin.dll</c> copy that tells the plugin where
/// PowerShell lives. Written byte for byte like Enable-PSRemoting's <c>New-PluginConfigFile</c>
/// (<c>Set-Content "PSHOMEDIR=$PSHOME"</c> then <c>Add-Content "CORECLRDIR=$PSHOME"</c>: PowerShell 7's default
/// UTF-8 without BOM, each line ended by Windows' CRLF), and read like PowerShell-Native's <c>ConfigFileReader</c>.
/// </summary>
/// <remarks>
/// How ConfigFileReader reads (pwrshcommon/ConfigFileReader.cpp): line by line; in each line it looks for the first
/// '#', 'p'/'P' or 'c'/'C'. '#' ends the line (comment). 'p'/'P' makes it search the whole trimmed line for the
/// case-sensitive tag <c>PSHOMEDIR=</c> and take the trimmed rest; 'c'/'C' does the same with <c>CORECLRDIR=</c>;
/// any other character is skipped. A value is accepted only if it names an existing directory, and a later accepted
/// value replaces an earlier one; if either value ends up missing, the plugin falls back to its own directory and
/// sessions fail. The file is read through a narrow <c>std::wfstream</c> in the default C locale, one byte per
/// character as we read it, so only ASCII paths survive; the writer refuses anything else.
/// </remarks>
public sealed class RemotePowerShellConfig
{
    /// <summary>The file name, in the endpoint's plugin folder next to the pwrshplugin.dll copy.</summary>
    public const string FileName = "RemotePowerShellConfig.txt";

    /// <summary>The case-sensitive tag before the PowerShell home the plugin loads from.</summary>
    public const string PSHomeDirTag = "PSHOMEDIR=";

    /// <summary>The case-sensitive tag before the directory the plugin loads the .NET runtime from (PowerShell writes <c>$PSHOME</c> here too).</summary>
    public const string CoreClrDirTag = "CORECLRDIR=";

    private static readonly char[] Whitespace = [' ', '\n', '\r', '\t'];

    private RemotePowerShellConfig(IReadOnlyList<string> psHomeDirValues, IReadOnlyList<string> coreClrDirValues)
    {
        PSHomeDirValues = psHomeDirValues;
        CoreClrDirValues = coreClrDirValues;
    }

    /// <summary>Every PSHOMEDIR value the reader would try, in file order (empty values included, as the reader tries them and fails).</summary>
    public IReadOnlyList<string> PSHomeDirValues { get; }

    /// <summary>Every CORECLRDIR value the reader would try, in file order.</summary>
    public IReadOnlyList<string> CoreClrDirValues { get; }

    /// <summary>The last declared non-empty PSHOMEDIR, or null.</summary>
    public string? PSHomeDir => PSHomeDirValues.LastOrDefault(v => v.Length > 0);

    /// <summary>The last declared non-empty CORECLRDIR, or null.</summary>
    public string? CoreClrDir => CoreClrDirValues.LastOrDefault(v => v.Length > 0);

    /// <summary>What the plugin ends up using: the last value naming an existing directory, or null (the plugin then fails over to its own folder).</summary>
    public string? EffectivePSHomeDir(Func<string, bool> directoryExists) => PSHomeDirValues.LastOrDefault(v => v.Length > 0 && directoryExists(v));

    /// <inheritdoc cref="EffectivePSHomeDir"/>
    public string? EffectiveCoreClrDir(Func<string, bool> directoryExists) => CoreClrDirValues.LastOrDefault(v => v.Length > 0 && directoryExists(v));

    /// <summary>The exact bytes New-PluginConfigFile writes for <paramref name="psHome"/>.</summary>
    /// <exception cref="PSRemotingDscException"><see cref="ExitCode.UnsafeValue"/> for an empty path, control or non-ASCII characters, or leading or trailing whitespace.</exception>
    public static byte[] Format(string psHome)
    {
        EnsureWritable(psHome);
        return Encoding.ASCII.GetBytes($"{PSHomeDirTag}{psHome}\r\n{CoreClrDirTag}{psHome}\r\n");
    }

    /// <summary>Reads the file's bytes as the plugin does: each byte one character.</summary>
    public static RemotePowerShellConfig Parse(ReadOnlySpan<byte> content) => Parse(Encoding.Latin1.GetString(content));

    /// <summary>Parses already-decoded text with ConfigFileReader's rules.</summary>
    public static RemotePowerShellConfig Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var psHome = new List<string>();
        var coreClr = new List<string>();
        foreach (string line in text.Split('\n'))
        {
            foreach (char c in line)
            {
                if (c == '#')
                {
                    break;
                }

                if (c is 'p' or 'P')
                {
                    psHome.Add(ValueAfterTag(line, PSHomeDirTag));
                    break;
                }

                if (c is 'c' or 'C')
                {
                    coreClr.Add(ValueAfterTag(line, CoreClrDirTag));
                    break;
                }
            }
        }

        return new RemotePowerShellConfig(psHome, coreClr);
    }

    internal static void EnsureWritable(string psHome)
    {
        if (string.IsNullOrWhiteSpace(psHome) || psHome.Any(c => char.IsControl(c) || c > '~') || psHome.Trim(Whitespace) != psHome)
        {
            throw new PSRemotingDscException(
                ErrorIds.PluginConfigPathUnsupported,
                $"Cannot write {FileName} for PowerShell home '{psHome}': the plugin reads this file one byte per character, so the path must be non-empty printable ASCII without leading or trailing spaces. Install PowerShell under such a path. Nothing was changed.");
        }
    }

    private static string ValueAfterTag(string line, string tag)
    {
        string trimmed = line.Trim(Whitespace);
        int index = trimmed.IndexOf(tag, StringComparison.Ordinal);
        return index < 0 ? string.Empty : trimmed[(index + tag.Length)..].Trim(Whitespace);
    }
}
