using PSRemotingDsc.Versions;
using PSRemotingDsc.WSMan.Host;
using PSRemotingDsc.WSMan.Plugin;

namespace PSRemotingDsc.WSMan;

/// <summary>
/// What is registered under one plugin name: its ConfigXML, the plugin folder its <c>Filename</c> points at, that
/// folder's inspection against the desired installation, the PowerShell it really starts, the WSMan
/// preconditions, when asked, the answer of a loopback session and, when a session configuration file is declared,
/// how the registered copy stands against it; for a <c>runAsVirtualAccount</c> endpoint, how WinRM is hosted.
/// </summary>
public sealed record WSManEndpointObservation(
    string Name,
    PluginConfiguration? Configuration,
    PluginDirectory? Directory,
    PluginInspection? Inspection,
    string? BoundPSHome,
    PowerShellInstallation? BoundInstallation,
    IReadOnlyList<WSManPrecondition> Preconditions,
    ConnectionProbeResult? Connection = null,
    SessionConfigurationInspection? SessionConfiguration = null,
    WinRMServiceHosting? ServiceHosting = null)
{
    /// <summary>Whether a plugin of the name is registered.</summary>
    public bool Exists => Configuration is not null;
}
