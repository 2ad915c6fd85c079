using PSRemotingDsc.Endpoints;
using PSRemotingDsc.Versions;
using PSRemotingDsc.WSMan.Security;

namespace PSRemotingDsc.WSMan;

/// <summary>
/// The WSMan endpoint the user asked for, after defaults and version resolution. A null setting was not set and
/// is not enforced. <see cref="Installation"/> may be null only when the endpoint should not exist. <see cref="Settings"/>
/// carries the plugin settings bound to a ConfigXML attribute (<see cref="EndpointContract.PluginAttributes"/>).
/// <see cref="RunAsVirtualAccountGroups"/> comes from the session configuration file only (groups joined by ';'), and so
/// does <see cref="RunAsUser"/>: the file's GroupManagedServiceAccount as the account name WinRM runs sessions as
/// (<c>DOMAIN\name$</c>, registered with an empty password).
/// </summary>
public sealed record WSManEndpointDesired(
    string Name,
    bool Exist,
    PowerShellInstallation? Installation,
    AccessMode? AccessMode = null,
    string? SecurityDescriptorSddl = null,
    IReadOnlyDictionary<string, long>? Quotas = null,
    string? SessionConfigurationFile = null,
    bool? RunAsVirtualAccount = null,
    EndpointSettings? Settings = null,
    string? RunAsVirtualAccountGroups = null,
    string? RunAsUser = null);
