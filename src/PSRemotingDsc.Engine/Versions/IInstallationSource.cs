namespace PSRemotingDsc.Versions;

/// <summary>Lists the PowerShell installations on the machine.</summary>
public interface IInstallationSource
{
    /// <summary>Every installation found, de-duplicated by <see cref="PowerShellInstallation.PSHome"/>, highest version first.</summary>
    IReadOnlyList<PowerShellInstallation> FindInstallations();
}
