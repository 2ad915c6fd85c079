namespace PSRemotingDsc.WSMan.Host;

/// <summary>
/// <c>&lt;windows&gt;\System32\PowerShell\&lt;Name&gt;</c>: where an endpoint's copy of <c>pwrshplugin.dll</c> and its
/// <c>RemotePowerShellConfig.txt</c> live (Enable-PSRemoting's Copy-PluginToEndpoint). The Windows directory is a
/// parameter so tests and image planning can use a temporary root.
/// </summary>
public sealed class PluginDirectory
{
    /// <summary>The file name of the WinRM plugin PowerShell ships, in <c>$PSHOME</c> and in each endpoint's copy.</summary>
    public const string PluginFileName = "pwrshplugin.dll";

    /// <summary>The plugin folder <paramref name="name"/> under <paramref name="windowsDirectory"/>; nothing is read or created.</summary>
    /// <param name="windowsDirectory">The Windows directory (<c>%windir%</c>), or a stand-in root.</param>
    /// <param name="name">The folder name, e.g. the GitCommitId "7.4.6" or "7".</param>
    /// <exception cref="Errors.PSRemotingDscException"><see cref="Errors.ExitCode.PluginNameInvalid"/> when <paramref name="name"/> could escape the folder.</exception>
    public PluginDirectory(string windowsDirectory, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(windowsDirectory);
        Name = PluginNameGuard.Ensure(name, "plugin directory name");
        WindowsDirectory = Path.GetFullPath(windowsDirectory);
        FullPath = Path.Join(WindowsDirectory, "System32", "PowerShell", Name);
    }

    /// <summary>The real <c>%windir%</c>; empty off Windows.</summary>
    public static string DefaultWindowsDirectory => Environment.GetFolderPath(Environment.SpecialFolder.Windows);

    /// <summary>The Windows directory (or stand-in root) the folder is under, made absolute.</summary>
    public string WindowsDirectory { get; }

    /// <summary>The folder name, as given and checked.</summary>
    public string Name { get; }

    /// <summary><c>&lt;windows&gt;/System32/PowerShell/&lt;Name&gt;</c>.</summary>
    public string FullPath { get; }

    /// <summary>The endpoint's copy of <see cref="PluginFileName"/> in <see cref="FullPath"/>; may not exist.</summary>
    public string PluginPath => Path.Join(FullPath, PluginFileName);

    /// <summary>The <see cref="RemotePowerShellConfig.FileName"/> in <see cref="FullPath"/>; may not exist.</summary>
    public string ConfigPath => Path.Join(FullPath, RemotePowerShellConfig.FileName);

    /// <summary>The plugin that <paramref name="psHome"/> ships, which the copy must equal.</summary>
    public static string SourcePluginPath(string psHome) => Path.Join(psHome, PluginFileName);

    /// <summary>The folder's <see cref="FullPath"/>, for messages.</summary>
    /// <returns>The full path.</returns>
    public override string ToString() => FullPath;
}
