using PSRemotingDsc.Diagnostics;
using PSRemotingDsc.Drift;
using PSRemotingDsc.Endpoints;
using PSRemotingDsc.Errors;
using PSRemotingDsc.Platform;
using PSRemotingDsc.Versions;
using PSRemotingDsc.WSMan.Host;
using PSRemotingDsc.WSMan.Plugin;
using PSRemotingDsc.WSMan.Security;
using PSRemotingDsc.WSMan;

namespace PSRemotingDsc.Resource;

/// <summary>
/// The WSMan transport: the endpoint is a WinRM plugin bound, through its own copy of pwrshplugin.dll and
/// RemotePowerShellConfig.txt, to one PowerShell installation. Set moves WinRM into its own service host when a
/// virtual-account endpoint needs it, provisions the plugin folder, registers or repairs the plugin through the store,
/// and restarts WinRM only when a change needs it (research §4.6) and never from inside the WinRM session that runs it
/// unless forced.
/// </summary>
internal sealed partial class WSManTransport : EndpointPipeline<WSManEndpointObservation, WSManPlan>
{
    private readonly WSManEnvironment _wsman;
    private readonly WSManEndpointObserver _observer;
    private readonly WSManDriftAnalyzer _analyzer;
    private readonly WSManPlanner _planner;
    private readonly PluginProvisioner _provisioner;
    private (DesiredEndpoint Desired, WSManEndpointDesired WSMan)? _derived;

    public WSManTransport(ResourceEnvironment environment, WSManEnvironment wsman)
        : base(environment)
    {
        _wsman = wsman;
        _observer = new WSManEndpointObserver(wsman);
        _analyzer = new WSManDriftAnalyzer(wsman.WindowsDirectory);
        _planner = new WSManPlanner(wsman);
        _provisioner = new PluginProvisioner(wsman.FileAccess);
    }

    public override string ResolutionContext => $"; plugin store: {_wsman.Store.Kind}";

    protected override string ServiceName => "WinRM";

    public override string DefaultName(VersionSpec spec) => EndpointNaming.NameFor(spec);

    public override void Check(DesiredEndpoint desired)
    {
        EndpointNaming.ValidatePluginName(desired.Name);
        EndpointProtection.ThrowIfProtected(desired.Name, null, "managed by psremotingdsc");
        EndpointProperties properties = desired.Properties;
        if (properties.SecurityDescriptorSddl is { } sddl)
        {
            SddlParser.Parse(sddl);
        }

        if (properties.Quotas is { Count: > 0 } quotas)
        {
            var pluginQuotas = new PluginQuotas();
            foreach ((string attribute, long value) in quotas)
            {
                pluginQuotas[attribute] = value;
            }

            PluginQuotaLimits.Validate(pluginQuotas, properties.Name ?? "the endpoint");
        }
    }

    public override IReadOnlyList<EndpointState> Export(ExportFilter filter)
    {
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
                || (filter.Spec is not null && (observed.BoundInstallation is null || !filter.Spec.Matches(observed.BoundInstallation.Version))))
            {
                continue;
            }

            PowerShellInstallation? bound = observed.BoundInstallation;
            var desired = new WSManEndpointDesired(name, true, bound);
            WSManEndpointObservation inspected = bound is null ? observed : _observer.Observe(name, bound, checkPreconditions: false, verifyConnection: false);
            IReadOnlyList<Reason> reasons = bound is null
                ? [Reason.Create(ReasonId.InstallationGone, $"Plugin '{name}' loads a PowerShell that is not installed ({observed.BoundPSHome ?? configuration.Filename}).", EndpointContract.PSHome.Name)]
                : _analyzer.Analyze(desired, inspected);
            states.Add(ObservedState(name, observed) with
            {
                Version = bound?.Version.ToString(),
                ResolvedVersion = bound?.Version.ToString(),
                ResolvedPSHome = bound?.PSHome,
                Reasons = reasons,
                ExportName = name,
            });
        }

        return states;
    }

    public override (IReadOnlyList<EndpointState> PowerShell, IReadOnlyList<ForeignEndpoint> Foreign) ExportWithForeign(ExportFilter filter) => (Export(filter), Foreign());

    private List<ForeignEndpoint> Foreign()
    {
        var foreign = new List<ForeignEndpoint>();
        foreach (string name in _wsman.Store.ListPluginNames())
        {
            // Windows PowerShell's own endpoints are PowerShell (protected, never managed); names with spaces are Windows' own plugins.
            if (EndpointProtection.IsWindowsPowerShellName(name) || !EndpointNaming.IsValidPluginName(name, out _))
            {
                continue;
            }

            PluginConfiguration configuration = _observer.Observe(name, desiredInstallation: null, checkPreconditions: false, verifyConnection: false).Configuration!;
            if (configuration.Filename?.Contains(PluginDirectory.PluginFileName, StringComparison.OrdinalIgnoreCase) != true)
            {
                foreign.Add(new ForeignEndpoint(Transport.Wsman, name, configuration.Filename ?? string.Empty, name));
            }
        }

        return foreign;
    }

    protected override void CheckCanSet(DesiredEndpoint desired, bool whatIf)
    {
        if (!whatIf && !_wsman.Elevation.IsElevated)
        {
            throw new PSRemotingDscException(ErrorIds.NotElevated,
                "Changing WinRM plugins needs an elevated process: run dsc (or psremotingdsc) as Administrator. Nothing was changed.");
        }
    }

    protected override WSManEndpointObservation Observe(DesiredEndpoint desired, EndpointOperation operation)
    {
        bool verifyConnection = operation is EndpointOperation.Get or EndpointOperation.Test && desired.Properties.VerifyConnection == true;
        if (verifyConnection && _wsman.ConnectionProbe is null)
        {
            Trace.Write(TraceLevel.Warn, $"verifyConnection is ignored: {_wsman.Host.Description} cannot be connected to.");
        }

        WSManEndpointObservation observation = _observer.Observe(
            desired.Name, desired.Installation, checkPreconditions: desired.Exist, verifyConnection, SessionConfigurationOf(desired), NeedsServiceHosting(desired));
        if (observation.Configuration is { } existing)
        {
            EndpointProtection.ThrowIfProtected(existing, "managed by psremotingdsc");
        }

        if (operation == EndpointOperation.Set && desired.Exist)
        {
            WSManPreconditions.ThrowIfAny(observation.Preconditions);
        }

        return observation;
    }

    protected override IReadOnlyList<Reason> Analyze(DesiredEndpoint desired, WSManEndpointObservation observation) =>
        _analyzer.Analyze(ToWSMan(desired), observation);

    protected override WSManPlan Plan(DesiredEndpoint desired, WSManEndpointObservation observation, IReadOnlyList<Reason> reasons) =>
        _planner.Plan(ToWSMan(desired), observation, reasons, desired.Properties.Force == true);

    protected override bool Apply(DesiredEndpoint desired, WSManPlan plan)
    {
        // First, as Register-PSSessionConfiguration does (CustomShellCommands.cs 529–533). This changes the service's
        // configuration only; the restart that makes it take effect is Restart's, under the never-lock-out rule.
        if (plan.IsolateWinRM)
        {
            _wsman.Host.IsolateForVirtualAccounts();
        }

        if (plan.Folder is { } folder)
        {
            _provisioner.Provision(folder.Directory, folder.PSHome);
        }

        // The copy exists before a registration names it; a store change that fails leaves no unregistered copy behind.
        if (plan.SessionConfigurationCopy is { } copy)
        {
            SessionConfigurationFiles.Copy(copy);
        }

        try
        {
            if (plan.Register is { } register)
            {
                _wsman.Store.Create(plan.Name, register.ToXml());
            }

            if (plan.Update is { } update)
            {
                _wsman.Store.Put(plan.Name, update.ToXml());
            }

            if (plan.Unregister)
            {
                _wsman.Store.Delete(plan.Name);
            }
        }
        catch when (plan.SessionConfigurationCopy is { } made && TryDelete(made.Destination))
        {
            throw;
        }

        // Only a copy in $PSHOME\SessionConfig that the registration no longer names (SessionConfigurationFiles.IsOwnCopy), never the user's file.
        if (plan.RetiredSessionConfiguration is { } retired && !TryDelete(retired))
        {
            Trace.Write(TraceLevel.Warn, $"The session configuration copy '{retired}' is no longer registered but could not be deleted; delete it by hand.");
        }

        return plan.Register is not null && !AnswersAfterCreate(desired);
    }

    /// <summary>
    /// Whether a plugin just registered answers a loopback session. Register-PSSessionConfiguration opens one and
    /// restarts WinRM only when it fails (CustomShellCommands.cs 248–262); Enable-PSRemoting restarts every time (~4739).
    /// With <c>restart: ifNeeded</c> this resource does what Register does, so "if needed" means "until the endpoint
    /// answers". Where nothing can be connected to (a machine image) or the policy is never, the store's rule stands.
    /// </summary>
    private bool AnswersAfterCreate(DesiredEndpoint desired)
    {
        if (_wsman.ConnectionProbe is not { } probe || desired.Restart == RestartPolicy.Never || desired.Installation is not { } installation)
        {
            return true;
        }

        ConnectionProbeResult answer = probe.Probe(desired.Name, installation, _wsman.ProbeTimeout);
        if (!answer.Connected)
        {
            Trace.Write(TraceLevel.Info, $"The new endpoint '{desired.Name}' does not answer yet ({answer.Error}); WinRM restarts, as Register-PSSessionConfiguration does.");
        }

        return answer.Connected;
    }

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    protected override (bool Required, string? Outcome) Restart(DesiredEndpoint desired, WSManEndpointObservation before, bool whatIf)
    {
        if (!_wsman.Host.CanRestart)
        {
            return (true, $"WinRM was not restarted: {_wsman.Host.Description} has no running WinRM service. Restart WinRM when the machine runs.");
        }

        if (_wsman.Session.IsInsideWinRMSession && desired.Properties.Force != true)
        {
            string message = $"WinRM was not restarted: this process runs inside a WinRM session ({_wsman.Session.Evidence}) that a restart would cut. Restart WinRM from a local console, or set 'force'.";
            Trace.Write(TraceLevel.Warn, message);
            return (true, message);
        }

        if (whatIf)
        {
            return (false, "What if: restart the WinRM service.");
        }

        try
        {
            _wsman.Host.Restart(_wsman.RestartTimeout);
        }
        catch (PSRemotingDscException ex) when (ex.ExitCode == ExitCode.RestartTimedOut)
        {
            return RestartStillRequired(ex);
        }

        return (false, "WinRM restarted.");
    }

    protected override WSManEndpointObservation ObserveAfter(DesiredEndpoint desired, WSManEndpointObservation before, WSManPlan plan, bool whatIf)
    {
        bool verifyConnection = desired.Exist && desired.Properties.VerifyConnection == true;
        if (whatIf)
        {
            return Predict(desired, before, plan);
        }

        return plan.IsEmpty && !verifyConnection
            ? before
            : _observer.Observe(desired.Name, desired.Installation, checkPreconditions: desired.Exist, verifyConnection, SessionConfigurationOf(desired), NeedsServiceHosting(desired));
    }

    /// <summary>Whether how WinRM is hosted matters: only for an endpoint that should exist and run as a virtual account.</summary>
    private bool NeedsServiceHosting(DesiredEndpoint desired) => desired.Exist && ToWSMan(desired).RunAsVirtualAccount == true;

    /// <summary>The declared session configuration file the registered copy is checked against: only for an endpoint that should exist.</summary>
    private static string? SessionConfigurationOf(DesiredEndpoint desired) => desired.Exist ? desired.Properties.SessionConfigurationFile : null;

    /// <summary>
    /// Drift a set cannot remove (non-admin access to the plugin's config file, a connection probe that fails) stays a
    /// reason in the state rather than failing the set: the registration itself was made as asked.
    /// </summary>
    protected override void NotConverged(DesiredEndpoint desired, IReadOnlyList<Reason> remaining)
    {
    }

    protected override string NothingToChange(DesiredEndpoint desired, WSManEndpointObservation observation) => desired.Exist || observation.Exists
        ? $"WinRM plugin '{desired.Name}' is already in the desired state; nothing to change."
        : $"WinRM plugin '{desired.Name}' is not registered; nothing to remove.";

    protected override PowerShellInstallation? BoundInstallation(WSManEndpointObservation observation) => observation.BoundInstallation;

    protected override EndpointState Describe(DesiredEndpoint desired, WSManEndpointObservation observation)
    {
        EndpointProperties properties = desired.Properties;
        if (observation.Exists)
        {
            return ObservedState(desired.Name, observation);
        }

        var absent = new EndpointState
        {
            Transport = Transport.Wsman,
            Name = desired.Name,
            PSHome = properties.PSHome,
            Exist = false,
            AccessMode = properties.AccessMode,
            SecurityDescriptorSddl = properties.SecurityDescriptorSddl,
            SessionConfigurationFile = properties.SessionConfigurationFile,
            RunAsVirtualAccount = properties.RunAsVirtualAccount,
            Quotas = properties.Quotas,
        };
        return WithPluginSettings(absent, setting => setting.ValueOf(properties));
    }

    /// <summary>What set would leave: the plugin as the plan writes it, bound to the desired installation, its session configuration copied; or no plugin.</summary>
    private WSManEndpointObservation Predict(DesiredEndpoint desired, WSManEndpointObservation before, WSManPlan plan)
    {
        if (!desired.Exist)
        {
            return before with { Configuration = null, SessionConfiguration = null };
        }

        WSManEndpointDesired wsman = ToWSMan(desired);
        if (before.SessionConfiguration is { Matches: true } intact)
        {
            wsman = wsman with { SessionConfigurationFile = intact.Registered };
        }

        return before with
        {
            Configuration = plan.Register ?? plan.Update
                ?? (before.Configuration is { } actual ? WSManPluginDocument.Repair(actual, wsman) : WSManPluginDocument.New(wsman)),
            BoundInstallation = desired.Installation,
            BoundPSHome = desired.Installation!.PSHome,
            SessionConfiguration = plan.SessionConfigurationCopy is { } copy
                ? new SessionConfigurationInspection(copy.Source, copy.Destination, SessionConfigurationFiles.CopyFolder(desired.Installation.PSHome), SessionConfigurationState.Matches, string.Empty)
                : before.SessionConfiguration,
            ServiceHosting = plan.IsolateWinRM ? before.ServiceHosting?.Isolated() : before.ServiceHosting,
        };
    }

    /// <summary>
    /// The WSMan endpoint to enforce: the declared properties, and what the session configuration file sets that they do
    /// not (<see cref="SessionConfigurationSettings"/>, as Register-PSSessionConfiguration -Path derives it). Read once per
    /// desired endpoint, so analysis before and after a set compares against the same values.
    /// </summary>
    private WSManEndpointDesired ToWSMan(DesiredEndpoint desired)
    {
        if (_derived is { } cached && ReferenceEquals(cached.Desired, desired))
        {
            return cached.WSMan;
        }

        EndpointProperties properties = desired.Properties;
        var declared = new WSManEndpointDesired(
            desired.Name, desired.Exist, desired.Installation, properties.AccessMode, properties.SecurityDescriptorSddl,
            properties.Quotas, properties.SessionConfigurationFile, properties.RunAsVirtualAccount, properties);
        WSManEndpointDesired wsman = SessionConfigurationSettings.Apply(declared, _wsman.Accounts);
        _derived = (desired, wsman);
        return wsman;
    }

    /// <summary>The state of a registered plugin, as it is: what get returns so that feeding it to test is in desired state.</summary>
    private EndpointState ObservedState(string name, WSManEndpointObservation observation)
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

        var state = new EndpointState
        {
            Transport = Transport.Wsman,
            Name = name,
            PSHome = observation.BoundInstallation?.PSHome ?? observation.BoundPSHome,
            Exist = true,
            AccessMode = WSManPluginDocument.AccessModeOf(configuration),
            SecurityDescriptorSddl = descriptor is null ? null : sddl,
            // configfilepath names the copy in $PSHOME\SessionConfig; while that copy is intact, get reports the declared file
            // it was copied from, so get output fed to test is in the desired state. Otherwise the registered path as it is.
            SessionConfigurationFile = observation.SessionConfiguration is { Matches: true } intact
                ? intact.Source
                : configuration.InitializationParameters[WSManPluginDocument.ConfigFilePathParameter],
            RunAsVirtualAccount = WSManPluginDocument.RunsAsVirtualAccount(configuration),
            Quotas = configuration.Quotas is { } quotas ? quotas.GetSetQuotas().ToDictionary(pair => pair.Key, pair => pair.Value) : null,
            PluginPath = ExpandWindowsDirectory(configuration.Filename),
        };
        return WithPluginSettings(state, setting => WSManPluginDocument.AttributeValue(setting, configuration));
    }

    /// <summary><paramref name="state"/> with every plugin setting bound to a ConfigXML attribute that has a value.</summary>
    private static EndpointState WithPluginSettings(EndpointState state, Func<PropertyDeclaration, object?> valueOf)
    {
        EndpointSettings settings = state;
        foreach (PropertyDeclaration setting in EndpointContract.PluginAttributes)
        {
            if (valueOf(setting) is { } value)
            {
                settings = setting.WithValue(settings, value);
            }
        }

        return (EndpointState)settings;
    }

    private string? ExpandWindowsDirectory(string? filename) => filename is null
        ? null
        : filename.Replace("%windir%", _wsman.WindowsDirectory, StringComparison.OrdinalIgnoreCase)
            .Replace("%SystemRoot%", _wsman.WindowsDirectory, StringComparison.OrdinalIgnoreCase);
}
