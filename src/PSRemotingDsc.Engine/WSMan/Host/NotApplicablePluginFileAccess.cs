namespace PSRemotingDsc.WSMan.Host;

/// <summary>Off Windows: there is no WinRM plugin to protect, so the check does not apply.</summary>
public sealed class NotApplicablePluginFileAccess : IPluginFileAccess
{
    /// <summary>Always <see cref="PluginFileAccessReport.NotApplicable"/>; the file is not looked at.</summary>
    /// <param name="configFilePath">Ignored.</param>
    /// <returns><see cref="PluginFileAccessReport.NotApplicable"/>.</returns>
    public PluginFileAccessReport CheckNonAdminAccess(string configFilePath) => PluginFileAccessReport.NotApplicable;
}
