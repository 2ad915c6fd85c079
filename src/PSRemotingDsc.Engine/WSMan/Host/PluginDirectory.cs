namespace PSRemotingDsc.WSMan.Host;

/// <summary>
/// <c>&lt;windows&gt;\System32\PowerShell\&lt;Name&gt;</c>: where an endpoint's copy of <c>pwrshplugin.dll</c> and its
/// <c>RemotePowerShellConfig.txt</c> live (Enable-PSRemoting's Copy-PluginToEndpoint). The Windows directory is a
/// parameter so tests and image planning can use a temporary root.
/// </summary>
public sealed class PluginDirectory
{
    public const string PluginFileName = "pwrshplugin.dll";

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

    public string WindowsDirectory { get; }

    public string Name { get; }

    /// <summary><c>&lt;windows&gt;/System32/PowerShell/&lt;Name&gt;</c>.</summary>
    public string FullPath { get; }

    public string PluginPath => Path.Join(FullPath, PluginFileName);

    public string ConfigPath => Path.Join(FullPath, RemotePowerShellConfig.FileName);

    /// <summary>The plugin that <paramref name="psHome"/> ships, which the copy must equal.</summary>
    public static string SourcePluginPath(string psHome) => Path.Join(psHome, PluginFileName);

    public override string ToString() => FullPath;
}
