namespace PSRemotingDsc.Versions;

/// <summary>
/// The installation directories the PowerShell MSI records under
/// <c>HKLM\SOFTWARE\Microsoft\PowerShellCore\InstalledVersions\&lt;guid&gt;</c>, value <c>InstallLocation</c>.
/// </summary>
public interface IPowerShellRegistry
{
    IReadOnlyList<string> GetInstallLocations();
}
