using PSRemotingDsc.Diagnostics;
using PSRemotingDsc.Drift;
using PSRemotingDsc.Errors;
using PSRemotingDsc.Platform;
using PSRemotingDsc.Ssh;
using PSRemotingDsc.Versions;
using PSRemotingDsc.WSMan;
using PSRemotingDsc.WSMan.Host;
using PSRemotingDsc.WSMan.Plugin;
using PSRemotingDsc.WSMan.Security;

namespace PSRemotingDsc.Resource;

/// <summary>
/// The WSMan transport: the endpoint is a WinRM plugin bound, through its own copy of pwrshplugin.dll and
/// RemotePowerShellConfig.txt, to one PowerShell installation. Set provisions the plugin folder, registers or
/// repairs the plugin through the store, and restarts WinRM only when a change needs it (research §4.6) and never
/// from inside the WinRM session that runs it unless forced.
/// </summary>
internal sealed class WSManEndpointOperations : IEndpointOperations
{
    private const string WinRMServiceName = "WinRM";

    // Changes WinRM reads only when its service starts (SetItemServiceRestartWarning); SDDL and Enabled are dynamic.
    private static readonly ReasonId[] s_needRestart =
    [
        ReasonId.FilenameUnexpected, ReasonId.PSVersionMismatch, ReasonId.ResourceUriMismatch, ReasonId.QuotaDiffers,
        ReasonId.SessionConfigurationFileDiffers, ReasonId.RunAsVirtualAccountDiffers,
    ];

    // Reasons the plugin registration itself carries (a Put fixes them); the others live in the plugin folder or outside.
    private static readonly ReasonId[] s_registration =
    [
        .. s_needRestart, ReasonId.EndpointDisabled, ReasonId.AccessModeDiffers, ReasonId.SecurityDiffers,
    ];

    private readonly ResourceEnvironment _environment;
    private readonly WSManEnvironment _wsman;
    private readonly InstallationResolver _resolver;
    private readonly WSManEndpointObserver _observer;
    private readonly WSManDriftAnalyzer _analyzer;
    private readonly PluginProvisioner _provisioner;

    public WSManEndpointOperations(ResourceEnvironment environment, WSManEnvironment wsman)
    {
        _environment = environment;
        _wsman = wsman;
        _resolver = new InstallationResolver(environment.Installations);
        _observer = new WSManEndpointObserver(wsman);
        _analyzer = new WSManDriftAnalyzer(wsman.WindowsDirectory);
        _provisioner = new PluginProvisioner(wsman.FileAccess);
    }

    private ITraceSink Trace => _environment.Trace;

    public OperationResult Get(EndpointProperties properties)
    {
        WSManRequest request = Prepare(properties, verifyConnection: properties.VerifyConnection == true);
        return new OperationResult(BuildState(request, request.Observation, request.Reasons), [], []);
    }

    public OperationResult Test(EndpointProperties properties)
    {
        WSManRequest request = Prepare(properties, verifyConnection: properties.VerifyConnection == true);
        foreach (Reason reason in request.Reasons)
        {
            Trace.Write(TraceLevel.Info, reason.Phrase);
        }

        EndpointState state = BuildState(request, request.Observation, request.Reasons) with { InDesiredState = request.Reasons.Count == 0 };
        return new OperationResult(state, Reason.PropertiesOf(request.Reasons), []);
    }

    public OperationResult Set(EndpointProperties properties, bool whatIf)
    {
        if (!whatIf && !_wsman.Elevation.IsElevated)
        {
            throw new PSRemotingDscException(ErrorIds.NotElevated,
                "Changing WinRM plugins needs an elevated process: run dsc (or psremotingdsc) as Administrator. Nothing was changed.");
        }

        WSManRequest request = Prepare(properties, verifyConnection: false);
        RestartPolicy policy = properties.Restart ?? RestartPolicy.IfNeeded;
        bool force = properties.Force == true;
        if (request.Desired.Exist && !whatIf)
        {
            WSManPreconditions.ThrowIfAny(request.Observation.Preconditions);
        }

        var changes = new List<PlannedChange>();
        bool restartNeeded = request.Desired.Exist ? Apply(request, force, whatIf, changes) : Remove(request, force, whatIf, changes);
        foreach (PlannedChange change in changes)
        {
            Trace.Write(TraceLevel.Info, whatIf ? $"What if: {change.File}: {change.Description}" : $"{change.File}: {change.Description}");
        }

        (bool restartRequired, string? restartOutcome) = Restart(policy, restartNeeded, force, whatIf);
        EndpointState state;
        if (whatIf)
        {
            state = PredictedState(request);
        }
        else
        {
            WSManEndpointObservation after = _observer.Observe(request.Name, request.Desired.Installation, checkPreconditions: request.Desired.Exist,
                verifyConnection: request.Desired.Exist && properties.VerifyConnection == true);
            state = BuildState(request, after, _analyzer.Analyze(request.Desired, after));
        }

        state = state with { RestartRequired = restartRequired ? [WinRMServiceName] : [], ReloadOutcome = restartOutcome };
        return new OperationResult(state, Reason.PropertiesOf(request.Reasons), changes);
    }

    public IReadOnlyList<EndpointState> Export(EndpointProperties filter)
    {
        VersionSpec? spec = filter.Version is null ? null : VersionSpec.Parse(filter.Version);
        var states = new List<EndpointState>();
        foreach (string name in _wsman.Store.ListPluginNames())
        {
            if ((filter.Name is not null && !string.Equals(filter.Name, name, StringComparison.OrdinalIgnoreCase)) || EndpointProtection.IsWindowsPowerShellName(name))
            {
                continue;
            }

            // Windows' own plugins have names with spaces ("WMI Provider", "Event Forwarding Plugin"): never endpoints this
            // resource manages, and names the stores refuse to look up.
            if (!EndpointNaming.IsValidPluginName(name, out string? problem))
            {
                Trace.Write(TraceLevel.Debug, $"Skipping WinRM plugin '{name}': not a PowerShell endpoint name ({problem}).");
                continue;
            }

            WSManEndpointObservation observed = _observer.Observe(name, desiredInstallation: null, checkPreconditions: false, verifyConnection: false);
            PluginConfiguration configuration = observed.Configuration!;
            bool isPowerShell7 = configuration.Filename?.Contains(PluginDirectory.PluginFileName, StringComparison.OrdinalIgnoreCase) == true;
            if (!isPowerShell7 || EndpointProtection.IsProtected(configuration)
                || (spec is not null && (observed.BoundInstallation is null || !spec.Matches(observed.BoundInstallation.Version))))
            {
                continue;
            }

            PowerShellInstallation? bound = observed.BoundInstallation;
            var desired = new WSManEndpointDesired(name, true, bound);
            WSManEndpointObservation inspected = bound is null ? observed : _observer.Observe(name, bound, checkPreconditions: false, verifyConnection: false);
            IReadOnlyList<Reason> reasons = bound is null
                ? [Reason.Create(ReasonId.InstallationGone, $"Plugin '{name}' loads a PowerShell that is not installed ({observed.BoundPSHome ?? configuration.Filename}).", PropertyNames.PSHome)]
                : _analyzer.Analyze(desired, inspected);
            states.Add(ObservedState(name, bound?.Version.ToString(), observed) with
            {
                ResolvedVersion = bound?.Version.ToString(),
                ResolvedPSHome = bound?.PSHome,
                Reasons = reasons,
                ExportName = name,
            });
        }

        return states;
    }

    private WSManRequest Prepare(EndpointProperties properties, bool verifyConnection)
    {
        VersionSpec spec = VersionSpec.Parse(properties.Version!);
        string name = properties.Name ?? EndpointNaming.NameFor(spec);
        EndpointNaming.ValidatePluginName(name);
        EndpointProtection.ThrowIfProtected(name, null, "managed by psremotingdsc");
        PowerShellInstallation? installation = DesiredInstallation.Resolve(_resolver, properties);
        var desired = new WSManEndpointDesired(
            name, properties.ShouldExist, installation, properties.AccessMode, properties.SecurityDescriptorSddl,
            properties.Quotas, properties.SessionConfigurationFile, properties.RunAsVirtualAccount);
        if (verifyConnection && _wsman.ConnectionProbe is null)
        {
            Trace.Write(TraceLevel.Warn, $"verifyConnection is ignored: {_wsman.Host.Description} cannot be connected to.");
        }

        WSManEndpointObservation observation = _observer.Observe(name, installation, checkPreconditions: desired.Exist, verifyConnection);
        if (observation.Configuration is { } existing)
        {
            EndpointProtection.ThrowIfProtected(existing, "managed by psremotingdsc");
        }

        Trace.Write(TraceLevel.Debug, installation is null
            ? $"Version '{spec}' is not installed; endpoint '{name}' is only checked for absence."
            : $"Version '{spec}' resolves to PowerShell {installation.Version} in '{installation.PSHome}' ({installation.Origin}); plugin store: {_wsman.Store.Kind}.");
        return new WSManRequest(properties, spec, name, desired, observation, _analyzer.Analyze(desired, observation));
    }

    /// <summary>Provisions the plugin folder and registers or repairs the plugin; returns whether WinRM must restart.</summary>
    private bool Apply(WSManRequest request, bool force, bool whatIf, List<PlannedChange> changes)
    {
        if (request.Reasons.Count == 0)
        {
            Trace.Write(TraceLevel.Info, $"WinRM plugin '{request.Name}' is already in the desired state; nothing to change.");
            return false;
        }

        PowerShellInstallation installation = request.Desired.Installation!;
        var directory = new PluginDirectory(_wsman.WindowsDirectory, EndpointNaming.PluginDirectoryName(installation));
        PluginInspection folder = _provisioner.Inspect(directory, installation.PSHome);
        if (folder.Has(PluginDriftKind.SourcePluginMissing))
        {
            throw new PSRemotingDscException(ErrorIds.NoPluginInInstallation,
                $"PowerShell {installation.Version} in '{installation.PSHome}' has no pwrshplugin.dll (a Store/MSIX or non-Windows build), so it cannot host a WSMan endpoint. Install the MSI or ZIP package, or use transport 'ssh'.");
        }

        bool restart = false;
        if (folder.Drift.Any(drift => drift.Kind != PluginDriftKind.ConfigAccessMissing))
        {
            if (whatIf)
            {
                changes.Add(new PlannedChange(directory.FullPath, $"copy pwrshplugin.dll from '{installation.PSHome}' and write RemotePowerShellConfig.txt as needed"));
            }
            else
            {
                ProvisionResult provisioned = _provisioner.Provision(directory, installation.PSHome);
                restart |= provisioned.WinRMRestartNeeded;
                changes.AddRange(provisioned.Changes.Select(change => new PlannedChange(directory.FullPath, change)));
            }
        }

        WSManEndpointObservation observed = request.Observation;
        if (observed.Configuration is not { } actual)
        {
            PluginConfiguration document = WSManPluginDocument.New(request.Desired);
            changes.Add(new PlannedChange(_wsman.Store.Kind, $"register plugin '{request.Name}' loading '{document.Filename}'"));
            if (!whatIf)
            {
                _wsman.Store.Create(request.Name, document.ToXml());
            }

            return restart || _wsman.Store.WritesNeedWinRMRestart;
        }

        if (request.Reasons.Any(reason => s_registration.Any(reason.Is)))
        {
            RemotingSafetyGuard.EnsureCanRemoveOrReplace(request.Name, _wsman.Session, force);
            PluginConfiguration repaired = WSManPluginDocument.Repair(actual, request.Desired);
            changes.Add(new PlannedChange(_wsman.Store.Kind, $"update plugin '{request.Name}' ({string.Join(", ", Reason.PropertiesOf(request.Reasons))})"));
            if (!whatIf)
            {
                _wsman.Store.Put(request.Name, repaired.ToXml());
            }

            restart |= _wsman.Store.WritesNeedWinRMRestart
                || request.Reasons.Any(reason => s_needRestart.Any(reason.Is));
        }

        return restart;
    }

    /// <summary>Unregisters the plugin (the plugin folder stays, as Unregister-PSSessionConfiguration leaves it); needs no restart (research §4.4).</summary>
    private bool Remove(WSManRequest request, bool force, bool whatIf, List<PlannedChange> changes)
    {
        if (!request.Observation.Exists)
        {
            Trace.Write(TraceLevel.Info, $"WinRM plugin '{request.Name}' is not registered; nothing to remove.");
            return false;
        }

        RemotingSafetyGuard.EnsureCanRemoveOrReplace(request.Name, _wsman.Session, force);
        changes.Add(new PlannedChange(_wsman.Store.Kind, $"unregister plugin '{request.Name}'"));
        if (!whatIf)
        {
            _wsman.Store.Delete(request.Name);
        }

        return false;
    }

    private (bool Required, string? Outcome) Restart(RestartPolicy policy, bool needed, bool force, bool whatIf)
    {
        if (policy == RestartPolicy.Never || !(needed || policy == RestartPolicy.Always))
        {
            return (needed && policy == RestartPolicy.Never, null);
        }

        if (!_wsman.Host.CanRestart)
        {
            return (true, $"WinRM was not restarted: {_wsman.Host.Description} has no running WinRM service. Restart WinRM when the machine runs.");
        }

        if (_wsman.Session.IsInsideWinRMSession && !force)
        {
            string message = $"WinRM was not restarted: this process runs inside a WinRM session ({_wsman.Session.Evidence}) that a restart would cut. Restart WinRM from a local console, or set 'force'.";
            Trace.Write(TraceLevel.Warn, message);
            return (true, message);
        }

        if (whatIf)
        {
            return (false, "What if: restart the WinRM service.");
        }

        _wsman.Host.Restart(_wsman.RestartTimeout);
        return (false, "WinRM restarted.");
    }

    private EndpointState BuildState(WSManRequest request, WSManEndpointObservation observation, IReadOnlyList<Reason> reasons)
    {
        PowerShellInstallation? bound = observation.BoundInstallation;
        string? version = bound is not null && !request.Spec.Matches(bound.Version) ? bound.Version.ToString() : request.Properties.Version;
        EndpointState state = observation.Exists
            ? ObservedState(request.Name, version, observation)
            : new EndpointState
            {
                Version = version,
                Transport = Transport.Wsman,
                Name = request.Name,
                PSHome = request.Properties.PSHome,
                Exist = false,
                AccessMode = request.Properties.AccessMode,
                SecurityDescriptorSddl = request.Properties.SecurityDescriptorSddl,
                SessionConfigurationFile = request.Properties.SessionConfigurationFile,
                RunAsVirtualAccount = request.Properties.RunAsVirtualAccount,
                Quotas = request.Properties.Quotas,
            };
        return state with
        {
            ResolvedVersion = request.Desired.Installation?.Version.ToString(),
            ResolvedPSHome = request.Desired.Installation?.PSHome,
            Reasons = reasons,
        };
    }

    /// <summary>The state of a registered plugin, as it is: what get returns so that feeding it to test is in desired state.</summary>
    private EndpointState ObservedState(string name, string? version, WSManEndpointObservation observation)
    {
        PluginConfiguration configuration = observation.Configuration!;
        string? sddl = WSManPluginDocument.SddlOf(configuration);
        SecurityDescriptor? descriptor = null;
        try
        {
            descriptor = sddl is null ? null : SddlParser.Parse(sddl);
        }
        catch (PSRemotingDscException)
        {
            Trace.Write(TraceLevel.Warn, $"Plugin '{name}' has a security descriptor psremotingdsc cannot parse: '{sddl}'.");
        }

        bool enabled = WSManPluginDocument.IsEnabled(configuration);
        return new EndpointState
        {
            Version = version,
            Transport = Transport.Wsman,
            Name = name,
            PSHome = observation.BoundInstallation?.PSHome ?? observation.BoundPSHome,
            Exist = true,
            AccessMode = descriptor is null ? null : AccessModeRules.Derive(enabled, descriptor),
            SecurityDescriptorSddl = descriptor is null ? null : sddl,
            SessionConfigurationFile = configuration.InitializationParameters[WSManPluginDocument.ConfigFilePathParameter],
            RunAsVirtualAccount = bool.TryParse(configuration.RunAsVirtualAccount, out bool runAs) ? runAs : null,
            Quotas = configuration.Quotas is { } quotas ? quotas.GetSetQuotas().ToDictionary(pair => pair.Key, pair => pair.Value) : null,
            PluginPath = ExpandWindowsDirectory(configuration.Filename),
        };
    }

    private EndpointState PredictedState(WSManRequest request)
    {
        WSManEndpointDesired desired = request.Desired;
        if (!desired.Exist)
        {
            return BuildState(request, request.Observation with { Configuration = null }, []);
        }

        PluginConfiguration document = request.Observation.Configuration is { } actual
            ? WSManPluginDocument.Repair(actual, desired)
            : WSManPluginDocument.New(desired);
        var predicted = request.Observation with
        {
            Configuration = document,
            BoundInstallation = desired.Installation,
            BoundPSHome = desired.Installation!.PSHome,
        };
        return BuildState(request, predicted, []);
    }

    private string? ExpandWindowsDirectory(string? filename) => filename is null
        ? null
        : filename.Replace("%windir%", _wsman.WindowsDirectory, StringComparison.OrdinalIgnoreCase)
            .Replace("%SystemRoot%", _wsman.WindowsDirectory, StringComparison.OrdinalIgnoreCase);


    private sealed record WSManRequest(
        EndpointProperties Properties,
        VersionSpec Spec,
        string Name,
        WSManEndpointDesired Desired,
        WSManEndpointObservation Observation,
        IReadOnlyList<Reason> Reasons);
}
