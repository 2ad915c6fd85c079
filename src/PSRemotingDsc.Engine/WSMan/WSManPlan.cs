using PSRemotingDsc.Drift;
using PSRemotingDsc.WSMan.Host;
using PSRemotingDsc.WSMan.Plugin;

namespace PSRemotingDsc.WSMan;

/// <summary>
/// What a WSMan set does, decided before anything is touched: WinRM to move into its own service host, the plugin
/// folder to provision, the plugin registration to create, update or delete, and whether WinRM must restart for the
/// change to take effect.
/// </summary>
/// <param name="Name">The plugin name.</param>
/// <param name="Folder">The plugin folder to provision and the PowerShell home it is bound to, or null when it matches.</param>
/// <param name="Register">The ConfigXML of a plugin to register, or null.</param>
/// <param name="Update">The repaired ConfigXML of the registered plugin, or null.</param>
/// <param name="Unregister">Whether the plugin is unregistered (its folder stays, as Unregister-PSSessionConfiguration leaves it).</param>
/// <param name="Changes">One entry per change.</param>
/// <param name="NeedsWinRMRestart">Whether a change takes effect only when WinRM restarts.</param>
/// <param name="SessionConfigurationCopy">The session configuration copy to write before the registration names it, or null.</param>
/// <param name="RetiredSessionConfiguration">
/// The copy the registration named before, deleted after the store change succeeded; null when there is none or it is not
/// a copy in <c>$PSHOME\SessionConfig</c> (<see cref="SessionConfigurationFiles.IsOwnCopy"/>: the user's file is never deleted).
/// </param>
/// <param name="IsolateWinRM">
/// Whether WinRM is first moved into its own service host as LocalSystem with SeTcbPrivilege
/// (<see cref="IWinRMHost.IsolateForVirtualAccounts"/>), as Register-PSSessionConfiguration -RunAsVirtualAccount does
/// before it registers the plugin (CustomShellCommands.cs 529–533); takes effect when WinRM restarts.
/// </param>
public sealed record WSManPlan(
    string Name,
    PluginInspection? Folder,
    PluginConfiguration? Register,
    PluginConfiguration? Update,
    bool Unregister,
    IReadOnlyList<PlannedChange> Changes,
    bool NeedsWinRMRestart,
    SessionConfigurationCopyPlan? SessionConfigurationCopy = null,
    string? RetiredSessionConfiguration = null,
    bool IsolateWinRM = false) : EndpointPlan(Changes)
{
    /// <inheritdoc/>
    public override bool RestartNeeded => NeedsWinRMRestart;

    /// <summary>The plan that changes nothing.</summary>
    public static WSManPlan Nothing(string name) => new(name, null, null, null, false, [], false);
}
