namespace PSRemotingDsc.Versions;

/// <summary>
/// The installation directories the PowerShell MSI records under
/// <c>HKLM\SOFTWARE\Microsoft\PowerShellCore\InstalledVersions\&lt;guid&gt;</c>, value <c>InstallLocation</c>.
/// </summary>
public interface IPowerShellRegistry
{
    /// <summary>
    /// The <c>InstallLocation</c> values, each once (compared ignoring case), as written (not checked to exist);
    /// empty when the key is missing, unreadable, or the machine has no registry.
    /// </summary>
    /// <returns>The recorded installation directories.</returns>
    IReadOnlyList<string> GetInstallLocations();
}
