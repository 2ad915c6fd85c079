using PSRemotingDsc.Diagnostics;
using PSRemotingDsc.Drift;
using PSRemotingDsc.Endpoints;
using PSRemotingDsc.Errors;
using PSRemotingDsc.IO;
using PSRemotingDsc.Platform;
using PSRemotingDsc.Ssh;
using PSRemotingDsc.Versions;

namespace PSRemotingDsc.Resource;

/// <summary>
/// The SSH transport: the endpoint is a <c>Subsystem</c> line in sshd_config. Observes the configuration under a
/// lock for set, plans and writes the edits (validated with <c>sshd -t</c>) and reloads sshd. With
/// <c>verifyConnection</c>, get, test and the state after set also probe the endpoint (<see cref="SshConnectionProbe"/>),
/// as the WSMan transport opens a loopback session: a failed probe is a reason, never a failed set.
/// </summary>
internal sealed partial class SshTransport : EndpointPipeline<SshTransport.Observation, SshPlan>
{
    private static readonly System.Buffers.SearchValues<char> CmdMetacharacters = System.Buffers.SearchValues.Create("&|<>^%!()\"'`;");

    private readonly SshEndpointObserver _observer;
    private readonly SshDriftAnalyzer _analyzer;
    private readonly SshConnectionProbe _probe;

    public SshTransport(ResourceEnvironment environment)
        : base(environment)
    {
        _observer = new SshEndpointObserver(new InstallationResolver(environment.Installations));
        _analyzer = new SshDriftAnalyzer(environment.IsWindows);
        _probe = new SshConnectionProbe(environment.FindSshd, environment.SshVerifyTimeout);
    }

    public override string ResolutionContext => string.Empty;

    protected override string ServiceName => "sshd";

    public override string DefaultName(VersionSpec spec) => $"powershell-{spec}";

    public override void Check(DesiredEndpoint desired) => RequireConfigPath(desired.SshdConfigPath!, desired.Properties.SshdConfigPath is not null);

    public override IReadOnlyList<EndpointState> Export(ExportFilter filter) => Export(filter, null);

    public override (IReadOnlyList<EndpointState> PowerShell, IReadOnlyList<ForeignEndpoint> Foreign) ExportWithForeign(ExportFilter filter)
    {
        var foreign = new List<ForeignEndpoint>();
        return (Export(filter, foreign), foreign);
    }

    /// <summary>Every PowerShell endpoint; with <paramref name="foreign"/>, the other Subsystems go there (one read of the configuration for both).</summary>
    private List<EndpointState> Export(ExportFilter filter, List<ForeignEndpoint>? foreign)
    {
        string configPath = filter.SshdConfigPath;
        RequireConfigPath(configPath, filter.Properties.SshdConfigPath is not null);
        return [.. Registered(LoadConfiguration(configPath), configPath, filter, foreign).Select(registered => registered.State)];
    }

    /// <summary>
    /// Every PowerShell endpoint <paramref name="configuration"/> defines globally (as export lists them), each with its
    /// drift and whether an endpoint set's purge may remove it; <paramref name="filter"/>, when given, narrows the list.
    /// The Subsystems that are not PowerShell go to <paramref name="foreign"/> when it is given.
    /// </summary>
    private List<RegisteredEndpoint> Registered(SshdConfiguration configuration, string configPath, ExportFilter? filter, List<ForeignEndpoint>? foreign = null)
    {
        var names = configuration.Documents
            .SelectMany(document => document.Subsystems)
            .Where(definition => !definition.InMatchBlock)
            .Select(definition => definition.Name)
            .Distinct(StringComparer.Ordinal);
        IReadOnlyDictionary<string, SshEndpointObservation> observations = _observer.ObserveAll(configuration);

        var states = new List<RegisteredEndpoint>();
        foreach (string name in names)
        {
            if (filter?.Name is not null && !string.Equals(filter.Name, name, StringComparison.Ordinal))
            {
                continue;
            }

            // A name defined only in a file included from inside a Match block has no global definition.
            if (!observations.TryGetValue(name, out SshEndpointObservation? observation) || observation.Effective is not { } effective)
            {
                continue;
            }

            if (!IsPowerShellEndpoint(effective))
            {
                foreign?.Add(new ForeignEndpoint(Transport.Ssh, name, effective.Command.Executable, effective.Location));
                continue;
            }

            if (filter is not null && !filter.Admits(effective.Installation))
            {
                continue;
            }

            PowerShellInstallation? installation = effective.Installation;
            var desired = new SshEndpointDesired(name, true, installation, installation?.Executable, null);
            var state = new EndpointState
            {
                Version = installation?.Version.ToString(),
                Transport = Transport.Ssh,
                Name = name,
                PSHome = installation?.PSHome,
                Exist = true,
                SshdConfigPath = configPath,
                Arguments = effective.Command.ExtraArguments,
                ResolvedVersion = installation?.Version.ToString(),
                ResolvedPSHome = installation?.PSHome,
                Reasons = _analyzer.Analyze(desired, observation),
                ExportName = name,
            };
            string? keptBecause = EndpointSetRules.WhySshEndpointIsKept(name, effective.Command.Executable, installation);
            states.Add(new RegisteredEndpoint(state, keptBecause is null, keptBecause));
        }

        return states;
    }

    protected override void CheckCanSet(DesiredEndpoint desired, bool whatIf)
    {
        if (desired.Exist && desired.Installation is { } installation)
        {
            _ = SubsystemExecutable(installation);
        }
    }

    protected override IDisposable? Lock(DesiredEndpoint desired)
    {
        ConfigurationLock held = ConfigurationLock.Acquire(desired.SshdConfigPath!, Environment.LockTimeout);
        Trace.Write(TraceLevel.Debug, $"Holding the lock '{held.Path}'.");
        return held;
    }

    protected override Observation Observe(DesiredEndpoint desired, EndpointOperation operation)
    {
        SshdConfiguration configuration = LoadConfiguration(desired.SshdConfigPath!);
        if (operation == EndpointOperation.Set)
        {
            foreach (SshdConfigDocument document in configuration.Documents)
            {
                foreach (string stale in SshdConfigWriter.RemoveStaleTempFiles(document.Path))
                {
                    Trace.Write(TraceLevel.Info, $"Removed '{stale}', left by an interrupted run.");
                }
            }
        }

        SshEndpointObservation endpoint = _observer.Observe(configuration, desired.Name);
        return new Observation(configuration, endpoint, operation is EndpointOperation.Get or EndpointOperation.Test ? Probe(desired, endpoint) : null);
    }

    protected override IReadOnlyList<Reason> Analyze(DesiredEndpoint desired, Observation observation)
    {
        IReadOnlyList<Reason> reasons = _analyzer.Analyze(ToSsh(desired, executable: desired.Installation?.Executable), observation.Endpoint);
        return observation.Connection is { } connection && ConnectionReason(desired, observation.Endpoint, connection) is { } failed
            ? [.. reasons, failed]
            : reasons;
    }

    /// <summary>The reason a probe gives: the effective configuration runs another command, or the endpoint did not answer as the resolved PowerShell.</summary>
    private static Reason? ConnectionReason(DesiredEndpoint desired, SshEndpointObservation endpoint, SshConnectionProbeResult connection)
    {
        string property = EndpointContract.VerifyConnection.Name;
        string where = $"Subsystem '{endpoint.Name}' at {endpoint.Effective?.Location}";
        if (connection.EffectiveCommand is not null)
        {
            return Reason.Create(ReasonId.ShadowedByMatch, $"{where} is not what sshd runs: {connection.Failure}; a Match block replaces it.", property);
        }

        if (!connection.Connected)
        {
            return Reason.Create(ReasonId.ConnectionFailed, $"{where} does not start a working PowerShell server: {connection.Failure}.", property);
        }

        string? expected = desired.Installation?.Version.ToString();
        return expected is not null && connection.RemoteVersion is { } answered && !string.Equals(answered, expected, StringComparison.OrdinalIgnoreCase)
            ? Reason.Create(ReasonId.ConnectionFailed, $"{where} answered with PowerShell {answered}, not {expected}.", property)
            : null;
    }

    /// <summary>
    /// <c>verifyConnection</c> for an endpoint that should exist, is defined and whose version is installed: the probe's answer, or null when there is
    /// nothing to probe or it cannot be probed here (OpenSSH for Windows runs subsystems through cmd.exe; not probed).
    /// </summary>
    private SshConnectionProbeResult? Probe(DesiredEndpoint desired, SshEndpointObservation endpoint)
    {
        if (!desired.Exist || desired.Properties.VerifyConnection != true || desired.Installation is null || endpoint.Effective is not { } effective)
        {
            return null;
        }

        if (Environment.IsWindows)
        {
            Trace.Write(TraceLevel.Warn, "verifyConnection is ignored for SSH on Windows: OpenSSH for Windows starts subsystems differently, and only Linux and macOS are probed.");
            return null;
        }

        if (Environment.FindSshd() is null)
        {
            Trace.Write(TraceLevel.Warn, "sshd is not installed, so verifyConnection cannot check the effective configuration with 'sshd -T'; probing the Subsystem line as written.");
        }

        Trace.Write(TraceLevel.Info, $"Verifying Subsystem '{desired.Name}': starting '{effective.Command.Render()}' as sshd would and opening a PowerShell runspace pool (at most {_probe.Timeout.TotalSeconds:0.#} s).");
        SshConnectionProbeResult result = _probe.Probe(desired.SshdConfigPath!, desired.Name, effective.Command);
        Trace.Write(result.Connected ? TraceLevel.Info : TraceLevel.Warn, result.Connected
            ? $"Subsystem '{desired.Name}' opened a runspace pool{(result.RemoteVersion is null ? string.Empty : $" (PowerShell {result.RemoteVersion})")}."
            : $"Subsystem '{desired.Name}' did not open a runspace pool: {result.Failure}.");
        return result;
    }

    protected override SshPlan Plan(DesiredEndpoint desired, Observation observation, IReadOnlyList<Reason> reasons)
    {
        if (reasons.Count == 0)
        {
            return new SshPlan([], []);
        }

        string? executable = desired.Exist ? SubsystemExecutable(desired.Installation!) : null;
        return SshPlanner.Plan(ToSsh(desired, executable), observation.Configuration, observation.Endpoint, reasons);
    }

    protected override bool Apply(DesiredEndpoint desired, SshPlan plan)
    {
        if (!plan.ChangesConfiguration)
        {
            return false;
        }

        string? sshd = Environment.FindSshd();
        if (sshd is null)
        {
            Trace.Write(TraceLevel.Warn, "sshd is not installed, so the new configuration cannot be validated with 'sshd -t'; writing it unvalidated.");
        }

        var writer = new SshdConfigWriter(sshd is null ? null : new SshdBinaryValidator(sshd));
        foreach (SshdConfigDocument document in plan.ModifiedDocuments)
        {
            WriteResult result = writer.Write(document.Path, document.Render());
            foreach (string warning in result.Warnings)
            {
                Trace.Write(TraceLevel.Warn, warning);
            }

            Trace.Write(TraceLevel.Info, $"Wrote '{result.Path}'{(result.Validated ? " (validated with sshd -t)" : string.Empty)}{(result.BackupPath is null ? string.Empty : $"; previous file kept as '{result.BackupPath}'")}.");
        }

        return false;
    }

    protected override (bool Required, string? Outcome) Restart(DesiredEndpoint desired, Observation before, bool whatIf)
    {
        string message;
        try
        {
            message = whatIf
                ? $"What if: reload the sshd that uses '{desired.SshdConfigPath}', if one is running."
                : Environment.SshdControl.Reload(desired.SshdConfigPath!, before.Configuration.PidFile, Environment.ReloadTimeout).Message;
        }
        catch (PSRemotingDscException ex) when (ex.ExitCode == ExitCode.RestartTimedOut)
        {
            return RestartStillRequired(ex);
        }

        Trace.Write(TraceLevel.Info, message);
        return (false, message);
    }

    /// <summary>
    /// Under what-if the planned edits live only in the loaded documents, which the configuration reflects. Otherwise, with
    /// <c>verifyConnection</c>, the endpoint as written (and sshd reloaded) is probed, whether or not set changed it.
    /// </summary>
    protected override Observation ObserveAfter(DesiredEndpoint desired, Observation before, SshPlan plan, bool whatIf)
    {
        Observation after = before;
        if (plan.ChangesConfiguration)
        {
            SshdConfiguration configuration = whatIf ? before.Configuration : LoadConfiguration(desired.SshdConfigPath!);
            after = new Observation(configuration, _observer.Observe(configuration, desired.Name));
        }

        return whatIf ? after : after with { Connection = Probe(desired, after.Endpoint) };
    }

    /// <summary>
    /// Never succeed into drift a later test would report forever, except what only <c>verifyConnection</c> finds: an
    /// endpoint written as asked that does not answer (or that a Match block replaces) stays a reason in the state, as
    /// with WSMan, because no edit of the line can repair it.
    /// </summary>
    protected override void NotConverged(DesiredEndpoint desired, IReadOnlyList<Reason> remaining)
    {
        Reason[] blocking = [.. remaining.Where(reason => reason.Property != EndpointContract.VerifyConnection.Name)];
        if (blocking.Length == 0)
        {
            return;
        }

        throw new PSRemotingDscException(ErrorIds.SetDidNotConverge,
            $"'{desired.SshdConfigPath}' was written, but Subsystem '{desired.Name}' is still not in the desired state: {string.Join(" ", blocking.Select(reason => reason.Phrase))} Please report this; the previous file is kept as '{desired.SshdConfigPath}{SshdConfigWriter.BackupSuffix}'.");
    }

    protected override string NothingToChange(DesiredEndpoint desired, Observation observation) =>
        $"Subsystem '{desired.Name}' in '{desired.SshdConfigPath}' is already in the desired state; nothing to change.";

    protected override PowerShellInstallation? BoundInstallation(Observation observation) => observation.Endpoint.Effective?.Installation;

    protected override EndpointState Describe(DesiredEndpoint desired, Observation observation)
    {
        ObservedSubsystem? effective = observation.Endpoint.Effective;
        return new EndpointState
        {
            Transport = Transport.Ssh,
            Name = desired.Name,
            PSHome = observation.Endpoint.Exists ? effective?.Installation?.PSHome : desired.Properties.PSHome,
            Exist = observation.Endpoint.Exists,
            SshdConfigPath = desired.SshdConfigPath,
            Arguments = effective is not null ? effective.Command.ExtraArguments : desired.Properties.Arguments,
        };
    }

    private static SshEndpointDesired ToSsh(DesiredEndpoint desired, string? executable) =>
        new(desired.Name, desired.Exist, desired.Installation, executable, desired.Properties.Arguments);

    private static bool IsPowerShellEndpoint(ObservedSubsystem subsystem) =>
        subsystem.Installation is not null
        || subsystem.Command.IsServerMode
        || Path.GetFileName(subsystem.Command.Executable).StartsWith("pwsh", StringComparison.OrdinalIgnoreCase);

    private static void RequireConfigPath(string path, bool explicitlySet)
    {
        FileKind kind = RegularFile.Inspect(path);
        if (kind == FileKind.Missing)
        {
            throw new PSRemotingDscException(ErrorIds.SshdConfigNotFound, explicitlySet
                ? $"Property 'sshdConfigPath' is '{path}', which does not exist (or is a symbolic link to nothing). Set it to the sshd_config file sshd uses."
                : $"The default sshd_config '{path}' does not exist. Install the OpenSSH server or set 'sshdConfigPath' to the file sshd uses.");
        }

        if (kind != FileKind.Regular)
        {
            throw new PSRemotingDscException(ErrorIds.SshdConfigNotRegularFile,
                $"Property 'sshdConfigPath' is '{path}', which is {kind.Describe()}, not a regular file; only regular files are read or replaced. Nothing was changed. Set it to the sshd_config file sshd uses.");
        }
    }

    private static SshdConfiguration LoadConfiguration(string path)
    {
        try
        {
            return SshdConfiguration.Load(path);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new PSRemotingDscException(ErrorIds.SshdConfigAccessDenied,
                $"Access to '{path}' (or a file it includes) was denied. Run elevated (root or Administrator).", ex);
        }
        catch (IOException ex)
        {
            throw new PSRemotingDscException(ErrorIds.SshdConfigUnreadable, $"'{path}' could not be read: {ex.Message}", ex);
        }
    }

    private string SubsystemExecutable(PowerShellInstallation installation)
    {
        string executable = installation.Executable;
        if (Environment.IsWindows && WindowsSubsystemPath.NeedsWorkaround(executable))
        {
            string? shortPath = Environment.ShortPaths is null ? null : WindowsSubsystemPath.ToShortPath(executable, Environment.ShortPaths);
            return shortPath ?? throw new PSRemotingDscException(ErrorIds.ExecutablePathHasSpaces,
                $"'{executable}' contains spaces and this volume has no 8.3 short name for it; OpenSSH for Windows cannot run it as a subsystem. Create a link without spaces (e.g. in %ProgramData%\\ssh) to the PowerShell directory and pass it as 'pshome'.");
        }

        if (executable.Any(char.IsWhiteSpace))
        {
            throw new PSRemotingDscException(ErrorIds.ExecutablePathHasSpaces,
                $"'{executable}' contains whitespace, which sshd would split into separate arguments. Create a symbolic link without spaces to the PowerShell directory and pass it as 'pshome'.");
        }

        if (Environment.IsWindows)
        {
            // cmd.exe /c runs the subsystem command on Windows (Win32-OpenSSH w32-doexec.c); these are its syntax.
            int unsafeAt = executable.AsSpan().IndexOfAny(CmdMetacharacters);
            if (unsafeAt >= 0)
            {
                throw new PSRemotingDscException(ErrorIds.ExecutablePathUnsafe,
                    $"'{executable}' contains '{executable[unsafeAt]}', which cmd.exe interprets when OpenSSH for Windows starts the subsystem. Create a link without it to the PowerShell directory and pass it as 'pshome'.");
            }

            ValueSafety.RequireSafePath(EndpointContract.PSHome.Name, executable);
        }
        else
        {
            ValueSafety.RequireSafeCommandWord(EndpointContract.PSHome.Name, executable);
        }

        return executable;
    }

    /// <summary>The configuration as read, what it registers under the endpoint's name, and what a <c>verifyConnection</c> probe found.</summary>
    internal sealed record Observation(SshdConfiguration Configuration, SshEndpointObservation Endpoint, SshConnectionProbeResult? Connection = null);
}
