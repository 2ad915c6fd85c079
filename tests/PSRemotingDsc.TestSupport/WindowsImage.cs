using System.Security.Cryptography;
using System.Text;
using PSRemotingDsc.WSMan;

namespace PSRemotingDsc.TestSupport;

/// <summary>
/// A Windows machine image under a temporary root, in the layout <c>WSManEnvironment.ForImage</c> and
/// <c>PSREMOTINGDSC_WSMAN_IMAGE</c> read: <c>Windows/System32/PowerShell/&lt;folder&gt;</c> for the plugin folders and
/// <c>SOFTWARE/Microsoft/Windows/CurrentVersion/WSMAN/Plugin/&lt;name&gt;/ConfigXML.xml</c> for the plugin registry
/// (<c>DirectoryPluginStore</c>). Files are real; <see cref="Listing"/> records every entry with its bytes' hash and
/// write time, so a test can prove that nothing was written.
/// </summary>
public sealed class WindowsImage
{
    public WindowsImage(string root)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Path.Join(WindowsDirectory, "System32"));
    }

    public string Root { get; }

    /// <summary><c>&lt;root&gt;/Windows</c>, the image's <c>%windir%</c>.</summary>
    public string WindowsDirectory => Path.Join(Root, "Windows");

    public string PluginRegistry => Path.Join(Root, "SOFTWARE", "Microsoft", "Windows", "CurrentVersion", "WSMAN", "Plugin");

    /// <summary><c>Windows/System32/PowerShell/<paramref name="folder"/></c>.</summary>
    public string PluginFolder(string folder) => Path.Join(WindowsDirectory, "System32", "PowerShell", folder);

    public string ConfigXmlPath(string pluginName) => Path.Join(PluginRegistry, pluginName, "ConfigXML.xml");

    /// <summary>The registered ConfigXML of <paramref name="pluginName"/>, or null.</summary>
    public string? ReadConfigXml(string pluginName) =>
        File.Exists(ConfigXmlPath(pluginName)) ? File.ReadAllText(ConfigXmlPath(pluginName), Encoding.UTF8) : null;

    /// <summary>Registers (or overwrites) a plugin by writing its ConfigXML file, as if another tool had done it.</summary>
    public void Register(string pluginName, string configXml)
    {
        Directory.CreateDirectory(Path.Join(PluginRegistry, pluginName));
        File.WriteAllText(ConfigXmlPath(pluginName), configXml, new UTF8Encoding(false));
    }

    /// <summary>
    /// Lays out a plugin folder as Enable-PSRemoting leaves it: <paramref name="pluginBytes"/> as pwrshplugin.dll and a
    /// RemotePowerShellConfig.txt naming <paramref name="psHome"/> (CRLF, as New-PluginConfigFile writes it).
    /// </summary>
    public string ProvisionFolder(string folder, byte[] pluginBytes, string psHome)
    {
        string path = PluginFolder(folder);
        Directory.CreateDirectory(path);
        File.WriteAllBytes(Path.Join(path, "pwrshplugin.dll"), pluginBytes);
        File.WriteAllText(Path.Join(path, "RemotePowerShellConfig.txt"), $"PSHOMEDIR={psHome}\r\nCORECLRDIR={psHome}\r\n", Encoding.ASCII);
        return path;
    }

    /// <summary>Every directory and file under the root, sorted: "d path" or "f path sha256 write-time-ticks".</summary>
    public IReadOnlyList<string> Listing() =>
        [.. Directory.EnumerateFileSystemEntries(Root, "*", SearchOption.AllDirectories)
            .Select(entry => Directory.Exists(entry)
                ? $"d {Path.GetRelativePath(Root, entry)}"
                : $"f {Path.GetRelativePath(Root, entry)} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(entry)))} {File.GetLastWriteTimeUtc(entry).Ticks}")
            .Order(StringComparer.Ordinal)];

    /// <summary>Sets every file's write time to <paramref name="time"/>, so that a later write shows even within the file system's timestamp resolution.</summary>
    public void AgeAllFiles(DateTime time)
    {
        foreach (string file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, time);
        }
    }
}
