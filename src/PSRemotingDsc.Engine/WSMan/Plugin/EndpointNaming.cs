using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using PSRemotingDsc.Errors;
using PSRemotingDsc.Versions;

namespace PSRemotingDsc.WSMan.Plugin;

/// <summary>
/// Endpoint names and the plugin values derived from a PowerShell version, as <c>Enable-PSRemoting</c> and
/// <c>Register-PSSessionConfiguration</c> of PowerShell 7.4–7.6 build them (CustomShellCommands.cs
/// <c>GetWinrmPluginShellName</c>, <c>GetWinrmPluginDllPath</c>, <c>ConstructVersionFormatForConfigXml</c>), and the
/// validation of plugin names.
/// </summary>
public static class EndpointNaming
{
    /// <summary>The prefix of every endpoint name PowerShell 7 registers (<c>PowerShell.7</c>, <c>PowerShell.7.4.6</c>).</summary>
    public const string NamePrefix = "PowerShell.";

    /// <summary><c>WSManNativeApi.ResourceURIPrefix</c>.</summary>
    public const string ResourceUriPrefix = "http://schemas.microsoft.com/powershell/";

    /// <summary>The file name of PowerShell's WinRM plugin, in <c>$PSHOME</c> and in each endpoint's plugin folder.</summary>
    public const string PluginDllName = "pwrshplugin.dll";

    /// <summary>
    /// The longest plugin name accepted: a plugin is a registry key under <c>…\WSMAN\Plugin</c>, and a registry key
    /// name is at most 255 characters.
    /// </summary>
    public const int MaxPluginNameLength = 255;

    /// <summary>
    /// The endpoint name for a <c>version</c> property: <c>7</c> → <c>PowerShell.7</c>, <c>7-preview</c> →
    /// <c>PowerShell.7-preview</c>, <c>7.4.6</c> → <c>PowerShell.7.4.6</c>, <c>7.6.0-preview.5</c> →
    /// <c>PowerShell.7.6.0-preview.5</c>, and <c>7.4</c> → <c>PowerShell.7.4</c>, the name the conceptual docs promise
    /// but PowerShell never creates.
    /// </summary>
    public static string NameFor(VersionSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return NamePrefix + spec;
    }

    /// <summary><c>PowerShell.&lt;GitCommitId&gt;</c>: <c>PowerShell.7.4.6</c>, <c>PowerShell.7.6.0-preview.5</c>.</summary>
    public static string VersionSpecificName(PowerShellVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return NamePrefix + version;
    }

    /// <summary>
    /// The simple name <c>Enable-PSRemoting</c> registers: <c>PowerShell.&lt;Major&gt;</c>, with <c>-preview</c> for any
    /// pre-release (preview, rc, dev build): <c>PowerShell.7</c>, <c>PowerShell.7-preview</c>.
    /// </summary>
    public static string SimpleName(PowerShellVersion version)
    {
        return NameFor(VersionSpec.ForMajorOf(version));
    }

    /// <summary>
    /// The plugin directory under <c>%windir%\system32\PowerShell</c> of an installation: its GitCommitId, which is
    /// the version text (<c>7.4.6</c>, <c>7.6.0-preview.5</c>).
    /// </summary>
    public static string PluginDirectoryName(PowerShellVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return version.ToString();
    }

    /// <inheritdoc cref="PluginDirectoryName(PowerShellVersion)"/>
    public static string PluginDirectoryName(PowerShellInstallation installation)
    {
        ArgumentNullException.ThrowIfNull(installation);
        return PluginDirectoryName(installation.Version);
    }

    /// <summary>The <c>Filename</c> PowerShell writes, <c>%windir%</c> unexpanded: <c>%windir%\system32\PowerShell\7.4.6\pwrshplugin.dll</c>.</summary>
    public static string PluginFilename(PowerShellVersion version) =>
        @"%windir%\system32\PowerShell\" + PluginDirectoryName(version) + @"\" + PluginDllName;

    /// <inheritdoc cref="PluginFilename(PowerShellVersion)"/>
    public static string PluginFilename(PowerShellInstallation installation)
    {
        ArgumentNullException.ThrowIfNull(installation);
        return PluginFilename(installation.Version);
    }

    /// <summary>The <c>PSVersion</c> initialization parameter: Major.Minor (<c>7.4</c>).</summary>
    public static string PSVersionParameter(PowerShellVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return string.Create(CultureInfo.InvariantCulture, $"{version.Major}.{version.Minor}");
    }

    /// <summary><c>http://schemas.microsoft.com/powershell/&lt;name&gt;</c>.</summary>
    public static string ResourceUri(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ResourceUriPrefix + name;
    }

    /// <summary>
    /// True when <paramref name="name"/> is a plugin name this resource accepts: 1–255 characters, ASCII letters,
    /// digits, <c>.</c>, <c>-</c> and <c>_</c>, starting with a letter or digit. Stricter than WinRM on purpose: the
    /// name becomes a registry key, a URI segment and a <c>WSMan:\</c> path, where other characters need quoting.
    /// </summary>
    public static bool IsValidPluginName([NotNullWhen(true)] string? name, [NotNullWhen(false)] out string? problem)
    {
        problem = null;
        if (string.IsNullOrEmpty(name))
        {
            problem = "it is empty";
        }
        else if (name.Length > MaxPluginNameLength)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"it has {name.Length} characters, more than {MaxPluginNameLength}");
        }
        else if (!char.IsAsciiLetterOrDigit(name[0]))
        {
            problem = $"it starts with '{name[0]}'";
        }
        else
        {
            int bad = name.AsSpan().IndexOfAnyExcept(ValidCharacters);
            if (bad >= 0)
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"character {bad + 1} ('{Printable(name[bad])}') is not allowed");
            }
        }

        return problem is null;
    }

    /// <summary>Throws unless <paramref name="name"/> passes <see cref="IsValidPluginName"/>.</summary>
    /// <param name="name">The plugin name to check.</param>
    /// <exception cref="PSRemotingDscException">PluginNameInvalid (<see cref="ExitCode.PluginNameInvalid"/>), saying what is wrong and what to do.</exception>
    public static void ValidatePluginName(string? name)
    {
        if (!IsValidPluginName(name, out string? problem))
        {
            throw new PSRemotingDscException(
                ErrorIds.PluginNameInvalid,
                $"'{name}' is not a valid WinRM plugin name: {problem}. Use 1 to {MaxPluginNameLength} characters from letters, digits, '.', '-' and '_', starting with a letter or digit, e.g. 'PowerShell.7.4'.");
        }
    }

    private static readonly System.Buffers.SearchValues<char> ValidCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-_");

    private static string Printable(char c) =>
        char.IsControl(c) || char.IsWhiteSpace(c) ? string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}") : c.ToString();
}
