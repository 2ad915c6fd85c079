namespace PSRemotingDsc.WSMan.Host;

/// <summary>Off Windows: there is no WinRM plugin to protect, so the check does not apply.</summary>
public sealed class NotApplicablePluginFileAccess : IPluginFileAccess
{
    public PluginFileAccessReport CheckNonAdminAccess(string configFilePath) => PluginFileAccessReport.NotApplicable;
}
