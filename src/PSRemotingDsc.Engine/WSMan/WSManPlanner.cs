using PSRemotingDsc.Drift;
using PSRemotingDsc.Errors;
using PSRemotingDsc.Versions;
using PSRemotingDsc.WSMan.Host;
using PSRemotingDsc.WSMan.Plugin;

namespace PSRemotingDsc.WSMan;

/// <summary>
/// Turns WSMan drift into a <see cref="WSManPlan"/>: move WinRM into its own service host for a virtual-account
/// endpoint, provision the plugin folder (copy pwrshplugin.dll when its bytes differ, write RemotePowerShellConfig.txt
/// when what the plugin reads differs), then register a missing plugin or repair the registered one; or unregister it. Refuses, before anything is changed, a plan that would replace or
/// remove the endpoint this session may run on (unless forced) or bind an installation without a plugin.
/// </summary>
public sealed class WSManPlanner
{
    // Changes WinRM reads only when its service starts (SetItemServiceRestartWarning); SDDL and Enabled are dynamic.
    private static readonly ReasonId[] s_needRestart =
    [
        ReasonId.FilenameUnexpected, ReasonId.PSVersionMismatch, ReasonId.ResourceUriMismatch, ReasonId.QuotaDiffers,
        ReasonId.SessionConfigurationFileDiffers, ReasonId.SessionConfigurationCopyDiffers, ReasonId.RunAsVirtualAccountDiffers, ReasonId.PluginSettingDiffers,
        ReasonId.RunAsUserDiffers,
    ];

    // Reasons the plugin registration itself carries (a Put fixes them); the others live in the plugin folder or outside.
    private static readonly ReasonId[] s_registration =
    [
        .. s_needRestart, ReasonId.EndpointDisabled, ReasonId.AccessModeDiffers, ReasonId.SecurityDiffers,
    ];

    /// <summary>Where Windows keeps the WinRM service's configuration, named as the place the isolation change is made.</summary>
    internal const string WinRMServiceKey = @"HKLM\SYSTEM\CurrentControlSet\Services\WinRM";

    private readonly WSManEnvironment _environment;
    private readonly PluginProvisioner _provisioner;

    /// <param name="environment">The plugin store, session and Windows directory the plan is for.</param>
    public WSManPlanner(WSManEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _environment = environment;
        _provisioner = new PluginProvisioner(environment.FileAccess);
    }

    /// <summary>The plan that removes <paramref name="reasons"/>; empty when there are none.</summary>
    /// <param name="desired">The endpoint asked for.</param>
    /// <param name="observed">What is registered now.</param>
    /// <param name="reasons">The drift between them.</param>
    /// <param name="force">Whether the endpoint that may carry this session may be replaced or removed.</param>
    /// <exception cref="PSRemotingDscException">The plan is refused; nothing was changed.</exception>
    public WSManPlan Plan(WSManEndpointDesired desired, WSManEndpointObservation observed, IReadOnlyList<Reason> reasons, bool force)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(reasons);
        string store = _environment.Store.Kind;
        if (!desired.Exist)
        {
            if (!observed.Exists)
            {
                return WSManPlan.Nothing(desired.Name);
            }

            RemotingSafetyGuard.EnsureCanRemoveOrReplace(desired.Name, _environment.Session, force);

            // Unregistering needs no restart (research §4.4). Unregister-PSSessionConfiguration deletes whatever configfilepath
            // names (CustomShellCommands.cs 2522–2528), the user's own file when it was registered in place; psremotingdsc
            // deletes only a copy in $PSHOME\SessionConfig.
            var removal = new List<PlannedChange> { new(store, $"unregister plugin '{desired.Name}'") };
            string? unregisteredCopy = RetiredCopy(desired, observed, observed.Configuration!, removal);
            return new WSManPlan(desired.Name, null, null, null, true, removal, false, RetiredSessionConfiguration: unregisteredCopy);
        }

        if (reasons.Count == 0)
        {
            return WSManPlan.Nothing(desired.Name);
        }

        var changes = new List<PlannedChange>();
        bool isolate = PlanIsolation(reasons, changes);
        PluginInspection? folder = PlanFolder(desired.Installation!, changes, out bool restart);
        restart |= isolate;
        SessionConfigurationCopyPlan? copy = PlanSessionConfiguration(desired, observed, changes, out string? configFilePath);
        WSManEndpointDesired registered = desired.SessionConfigurationFile is null ? desired : desired with { SessionConfigurationFile = configFilePath };
        if (observed.Configuration is not { } actual)
        {
            PluginConfiguration document = WSManPluginDocument.New(registered);
            changes.Add(new PlannedChange(store, $"register plugin '{desired.Name}' loading '{document.Filename}'"));
            return new WSManPlan(desired.Name, folder, document, null, false, changes, restart || _environment.Store.WritesNeedWinRMRestart, copy, IsolateWinRM: isolate);
        }

        PluginConfiguration? repaired = null;
        string? retired = null;
        if (reasons.Any(reason => s_registration.Any(reason.Is)))
        {
            RemotingSafetyGuard.EnsureCanRemoveOrReplace(desired.Name, _environment.Session, force);
            repaired = WSManPluginDocument.Repair(actual, registered);
            changes.Add(new PlannedChange(store, $"update plugin '{desired.Name}' ({string.Join(", ", Reason.PropertiesOf(reasons))})"));
            restart |= _environment.Store.WritesNeedWinRMRestart || reasons.Any(reason => s_needRestart.Any(reason.Is));
            if (copy is not null)
            {
                retired = RetiredCopy(desired, observed, actual, changes);
            }
        }

        return new WSManPlan(desired.Name, folder, null, repaired, false, changes, restart, copy, retired, isolate);
    }

    /// <summary>
    /// Whether WinRM must move into its own service host (the change is added, first: PowerShell moves it before it
    /// registers the plugin, CustomShellCommands.cs 529–533). The change to the service configuration takes effect only
    /// when WinRM restarts (sc.exe config; required privileges take effect "the next time the service is started").
    /// </summary>
    private static bool PlanIsolation(IReadOnlyList<Reason> reasons, List<PlannedChange> changes)
    {
        if (!reasons.Any(reason => reason.Is(ReasonId.WinRMNotIsolated)))
        {
            return false;
        }

        changes.Add(new PlannedChange(WinRMServiceKey,
            $"run WinRM in its own service host as {WinRMServiceHosting.LocalSystem} with {WinRMServiceHosting.TcbPrivilege} (as Register-PSSessionConfiguration -RunAsVirtualAccount does)"));
        return true;
    }

    /// <summary>
    /// The session configuration copy to make, or null when none is declared or the registered copy is intact; and the
    /// path to register as configfilepath. The copy goes to <c>&lt;PSHOME&gt;\SessionConfig\&lt;name&gt;_&lt;guid&gt;.pssc</c>
    /// as Register-PSSessionConfiguration names it (CustomShellCommands.cs 950–989); the declared file must be a
    /// readable regular file, or the plan is refused before anything changes.
    /// </summary>
    private static SessionConfigurationCopyPlan? PlanSessionConfiguration(
        WSManEndpointDesired desired, WSManEndpointObservation observed, List<PlannedChange> changes, out string? configFilePath)
    {
        configFilePath = null;
        if (desired.SessionConfigurationFile is not { } source)
        {
            return null;
        }

        string psHome = desired.Installation!.PSHome;
        SessionConfigurationInspection? inspection = observed.SessionConfiguration ?? (observed.Configuration is { } actual
            ? SessionConfigurationFiles.Inspect(source, actual.InitializationParameters[WSManPluginDocument.ConfigFilePathParameter], psHome)
            : null);
        if (inspection is { Matches: true })
        {
            configFilePath = inspection.Registered;
            return null;
        }

        SessionConfigurationFiles.RequireSource(source);
        var copy = new SessionConfigurationCopyPlan(source, SessionConfigurationFiles.NewCopyPath(psHome, desired.Name));
        changes.Add(new PlannedChange(SessionConfigurationFiles.CopyFolder(psHome),
            $"copy '{source}' to '{copy.Destination}' and register the copy as configfilepath (as Register-PSSessionConfiguration does)"));
        configFilePath = copy.Destination;
        return copy;
    }

    /// <summary>The copy the registration names now, when psremotingdsc may delete it once the registration no longer does; the change is added.</summary>
    private static string? RetiredCopy(WSManEndpointDesired desired, WSManEndpointObservation observed, PluginConfiguration actual, List<PlannedChange> changes)
    {
        string? current = actual.InitializationParameters[WSManPluginDocument.ConfigFilePathParameter];
        if (!SessionConfigurationFiles.IsOwnCopy(current, desired.Name, desired.SessionConfigurationFile, [desired.Installation?.PSHome, observed.BoundInstallation?.PSHome, observed.BoundPSHome]))
        {
            return null;
        }

        changes.Add(new PlannedChange(Path.GetDirectoryName(current!)!, $"delete '{current}', the session configuration copy plugin '{desired.Name}' no longer registers"));
        return current;
    }

    /// <summary>
    /// The plugin folder's part of the plan, or null when it matches. Replacing a plugin or config that exists needs a
    /// restart: a WinRM that loaded the old plugin keeps it until then.
    /// </summary>
    private PluginInspection? PlanFolder(PowerShellInstallation installation, List<PlannedChange> changes, out bool restart)
    {
        var directory = new PluginDirectory(_environment.WindowsDirectory, EndpointNaming.PluginDirectoryName(installation));
        PluginInspection folder = _provisioner.Inspect(directory, installation.PSHome);
        if (folder.Has(PluginDriftKind.SourcePluginMissing))
        {
            throw new PSRemotingDscException(ErrorIds.NoPluginInInstallation,
                $"PowerShell {installation.Version} in '{installation.PSHome}' has no pwrshplugin.dll (not a Windows build, or a copy of PowerShell without it; the Windows MSI, ZIP and Store/MSIX packages all ship it), so it cannot host a WSMan endpoint. Point at an MSI or ZIP installation of PowerShell for Windows, or use transport 'ssh'.");
        }

        restart = false;
        if (folder.PluginNeedsCopy)
        {
            bool replaces = !folder.Has(PluginDriftKind.PluginMissing);
            restart |= replaces;
            changes.Add(new PlannedChange(directory.FullPath, $"{(replaces ? "replace" : "copy")} '{directory.PluginPath}' from '{PluginDirectory.SourcePluginPath(installation.PSHome)}'"));
        }

        if (folder.ConfigNeedsWrite)
        {
            bool replaces = !folder.Has(PluginDriftKind.ConfigMissing);
            restart |= replaces;
            changes.Add(new PlannedChange(directory.FullPath, $"write '{directory.ConfigPath}' (PSHOMEDIR and CORECLRDIR = '{installation.PSHome}')"));
        }

        return folder.PluginNeedsCopy || folder.ConfigNeedsWrite ? folder : null;
    }
}
