namespace PSRemotingDsc.Drift;

/// <summary>The stable reason identifiers; the suffix of <see cref="Reason.Code"/>. Never rename a member.</summary>
public enum ReasonId
{
    /// <summary>The endpoint should exist and does not.</summary>
    Missing,

    /// <summary>The endpoint should not exist and does.</summary>
    Unexpected,

    /// <summary>The endpoint starts a different PowerShell installation than the one the version resolves to.</summary>
    BoundToOtherInstallation,

    /// <summary>
    /// No installed PowerShell matches <c>version</c> (or <c>pshome</c> is not one): get and test report it as state, so
    /// a configuration run goes on to its other instances; set fails.
    /// </summary>
    VersionNotInstalled,

    /// <summary>WSMan: a plugin setting declared with a ConfigXML attribute (<c>useSharedProcess</c>...) differs.</summary>
    PluginSettingDiffers,

    /// <summary>The endpoint starts an executable that no longer exists (PowerShell was uninstalled or moved).</summary>
    InstallationGone,

    /// <summary>The endpoint starts something that is not a PowerShell installation.</summary>
    NotPowerShell,

    /// <summary>The subsystem command lacks <c>-sshs</c>, so pwsh does not speak the remoting protocol.</summary>
    NotServerMode,

    /// <summary>The extra pwsh arguments differ from the declared <c>arguments</c>.</summary>
    ArgumentsDiffer,

    /// <summary>An earlier Subsystem line of the same name wins over the correct one (OpenSSH: first wins).</summary>
    ShadowedByDuplicate,

    /// <summary>The name is defined more than once; OpenSSH 9.2 refuses to start, newer ones ignore the later lines.</summary>
    DuplicateDefinition,

    /// <summary>The executable path has spaces, which OpenSSH for Windows cannot run as a subsystem.</summary>
    PathHasSpaces,

    /// <summary>An extra argument holds characters the connecting user's login shell interprets (sshd runs the line with <c>$SHELL -c</c>).</summary>
    ShellSyntaxInArguments,

    /// <summary>The only definitions are inside a Match block, where they do not apply to every connection.</summary>
    OnlyInMatchBlock,

    /// <summary>WSMan: the plugin is registered but <c>Enabled</c> is false.</summary>
    EndpointDisabled,

    /// <summary>WSMan: the access mode derived from Enabled and the network-deny ACE differs from <c>accessMode</c>.</summary>
    AccessModeDiffers,

    /// <summary>WSMan: <c>Filename</c> points elsewhere than the plugin copy of the resolved installation (PowerShell#27701).</summary>
    FilenameUnexpected,

    /// <summary>WSMan: the plugin folder has no <c>pwrshplugin.dll</c>.</summary>
    PluginMissing,

    /// <summary>WSMan: the plugin copy is older than or different from <c>$PSHOME\pwrshplugin.dll</c> (PowerShell#24140, #19202).</summary>
    StalePlugin,

    /// <summary>WSMan: <c>RemotePowerShellConfig.txt</c> is missing or lacks PSHOMEDIR/CORECLRDIR.</summary>
    PluginConfigMissing,

    /// <summary>WSMan: non-admin users cannot read <c>RemotePowerShellConfig.txt</c> (PowerShell#18741, #20180).</summary>
    PluginConfigNotReadable,

    /// <summary>WSMan: the installation has no <c>pwrshplugin.dll</c> (not a Windows build; every Windows package, Store/MSIX included, ships it).</summary>
    NoPluginInInstallation,

    /// <summary>WSMan: the <c>PSVersion</c> initialization parameter differs from the installation's Major.Minor.</summary>
    PSVersionMismatch,

    /// <summary>WSMan: <c>ResourceUri</c> is not <c>http://schemas.microsoft.com/powershell/&lt;name&gt;</c>.</summary>
    ResourceUriMismatch,

    /// <summary>WSMan: a declared quota differs.</summary>
    QuotaDiffers,

    /// <summary>WSMan: the security descriptor differs semantically (ACEs compared by SID).</summary>
    SecurityDiffers,

    /// <summary>WSMan: the session configuration file (<c>configfilepath</c>) differs.</summary>
    SessionConfigurationFileDiffers,

    /// <summary>
    /// WSMan: the registered <c>configfilepath</c> is not an intact copy of <c>sessionConfigurationFile</c> in
    /// <c>$PSHOME\SessionConfig</c>: the copy is missing or its SHA-256 differs, it lies elsewhere, or the declared file
    /// is registered in place (which Unregister-PSSessionConfiguration deletes and Get-PSSessionConfiguration runs elevated).
    /// </summary>
    SessionConfigurationCopyDiffers,

    /// <summary>WSMan: <c>RunAsVirtualAccount</c> differs.</summary>
    RunAsVirtualAccountDiffers,

    /// <summary>WSMan precondition: the WinRM service is not installed.</summary>
    WinRMServiceMissing,

    /// <summary>WSMan precondition: the WinRM service is not running.</summary>
    WinRMServiceStopped,

    /// <summary>WSMan precondition: the WS-Management stack is older than 2.0.</summary>
    WSManStackTooOld,

    /// <summary>WSMan precondition: no HTTP or HTTPS listener.</summary>
    NoListener,

    /// <summary>WSMan precondition: the Universal C Runtime is missing (Windows before 10).</summary>
    UniversalCRuntimeMissing,

    /// <summary>
    /// <c>verifyConnection</c>: the endpoint is present but does not work. WSMan: a loopback session failed or answered with
    /// another version. SSH: sshd rejects the configuration, or the Subsystem command, started as sshd starts it, exited,
    /// timed out, answered with something that is not PowerShell remoting, did not open a runspace pool, or answered with
    /// another version.
    /// </summary>
    ConnectionFailed,

    /// <summary>
    /// WSMan: <c>runAsVirtualAccount</c> is true but WinRM does not run in its own service host as LocalSystem with
    /// <c>SeTcbPrivilege</c>, so sessions to the endpoint fail; Register-PSSessionConfiguration -RunAsVirtualAccount moves
    /// it there (PowerShell CustomShellCommands.cs 529–533, MoveWinRmToIsolatedServiceHost 1299–1320), and so does set.
    /// </summary>
    WinRMNotIsolated,

    /// <summary>
    /// WSMan: the account the plugin runs sessions as (<c>RunAsUser</c>) is not the <c>GroupManagedServiceAccount</c> of
    /// <c>sessionConfigurationFile</c> (<c>DOMAIN\name$</c>, as Register-PSSessionConfiguration sets it, PowerShell
    /// CustomShellCommands.cs 536–539 and 1371–1389).
    /// </summary>
    RunAsUserDiffers,

    /// <summary>
    /// SSH <c>verifyConnection</c>: sshd's effective configuration for a connection (<c>sshd -T -C</c>, after Match blocks)
    /// runs another command for the Subsystem name than the line the resource manages: a Match block replaces it
    /// (OpenSSH 9.5 and later, servconf.c servconf_merge_subsystems).
    /// </summary>
    ShadowedByMatch,
}
