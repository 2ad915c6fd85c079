using PSRemotingDsc.Diagnostics;
using PSRemotingDsc.Drift;
using PSRemotingDsc.Errors;
using PSRemotingDsc.IO;
using PSRemotingDsc.Platform;
using PSRemotingDsc.Ssh;
using PSRemotingDsc.Versions;

namespace PSRemotingDsc.Resource;

/// <summary>
/// The SSH transport: the endpoint is a <c>Subsystem</c> line in sshd_config. Resolves the version, observes
/// the configuration, computes drift and, for set, plans and applies the edits and reloads sshd.
/// </summary>
internal sealed class SshEndpointOperations : IEndpointOperations
{
    private const string SshServiceName = "sshd";

    private static readonly System.Buffers.SearchValues<char> CmdMetacharacters = System.Buffers.SearchValues.Create("&|<>^%!()\"'`;");

    private readonly ResourceEnvironment _environment;
    private readonly InstallationResolver _resolver;
    private readonly SshEndpointObserver _observer;
    private readonly SshDriftAnalyzer _analyzer;

    public SshEndpointOperations(ResourceEnvironment environment)
    {
        _environment = environment;
        _resolver = new InstallationResolver(environment.Installations);
        _observer = new SshEndpointObserver(_resolver);
        _analyzer = new SshDriftAnalyzer(environment.IsWindows);
    }

    private ITraceSink Trace => _environment.Trace;

    public OperationResult Get(EndpointProperties properties)
    {
        SshRequest request = Prepare(properties);
        return new OperationResult(BuildState(request, request.Observation, request.Reasons), [], []);
    }

    public OperationResult Test(EndpointProperties properties)
    {
        SshRequest request = Prepare(properties);
        EndpointState state = BuildState(request, request.Observation, request.Reasons) with { InDesiredState = request.Reasons.Count == 0 };
        foreach (Reason reason in request.Reasons)
        {
            Trace.Write(TraceLevel.Info, reason.Phrase);
        }

        return new OperationResult(state, Reason.PropertiesOf(request.Reasons), []);
    }

    public OperationResult Set(EndpointProperties properties, bool whatIf)
    {
        SshTarget target = Resolve(properties);
        if (properties.ShouldExist && target.Installation is { } installation)
        {
            _ = SubsystemExecutable(installation);
        }

        if (whatIf)
        {
            return Set(Observe(target), whatIf);
        }

        // One read-modify-write at a time per file; what is read before the lock may be stale, so read after it.
        using ConfigurationLock held = ConfigurationLock.Acquire(target.ConfigPath, _environment.LockTimeout);
        Trace.Write(TraceLevel.Debug, $"Holding the lock '{held.Path}'.");
        SshRequest request = Observe(target);
        foreach (SshdConfigDocument document in request.Configuration.Documents)
        {
            foreach (string stale in SshdConfigWriter.RemoveStaleTempFiles(document.Path))
            {
                Trace.Write(TraceLevel.Info, $"Removed '{stale}', left by an interrupted run.");
            }
        }

        return Set(request, whatIf);
    }

    private OperationResult Set(SshRequest request, bool whatIf)
    {
        EndpointProperties properties = request.Properties;
        RestartPolicy policy = properties.Restart ?? RestartPolicy.IfNeeded;
        if (request.Reasons.Count == 0)
        {
            Trace.Write(TraceLevel.Info, $"Subsystem '{request.Name}' in '{request.ConfigPath}' is already in the desired state; nothing to change.");
            string? reloaded = policy == RestartPolicy.Always ? Reload(request, whatIf) : null;
            return new OperationResult(BuildState(request, request.Observation, []) with { ReloadOutcome = reloaded }, [], []);
        }

        if (properties.Arguments is null && request.Reasons.FirstOrDefault(reason => reason.Is(ReasonId.ShellSyntaxInArguments)) is { } shellSyntax)
        {
            throw new PSRemotingDscException(ErrorIds.KeptArgumentsUnsafe,
                $"{shellSyntax.Phrase} Its extra arguments are not carried into a rewritten line: set 'arguments' to the list you want (letters, digits and {ShellSafeWord.Punctuation}). Nothing was changed.");
        }

        SshEndpointDesired desired = request.Desired.Exist
            ? request.Desired with { Executable = SubsystemExecutable(request.Desired.Installation!) }
            : request.Desired;
        SshPlan plan = SshPlanner.Plan(desired, request.Configuration, request.Observation, request.Reasons);
        foreach (PlannedChange change in plan.Changes)
        {
            Trace.Write(TraceLevel.Info, whatIf ? $"What if: {change.File}: {change.Description}" : $"{change.File}: {change.Description}");
        }

        if (!whatIf)
        {
            Write(plan);
        }

        // Under what-if the planned edits live only in the loaded documents, which the configuration reflects.
        SshdConfiguration after = whatIf ? request.Configuration : LoadConfiguration(request.ConfigPath);

        string? reloadOutcome = policy != RestartPolicy.Never && (plan.ChangesConfiguration || policy == RestartPolicy.Always)
            ? Reload(request, whatIf)
            : null;

        SshEndpointObservation observedAfter = _observer.Observe(after, request.Name);
        IReadOnlyList<Reason> remaining = _analyzer.Analyze(desired, observedAfter);
        if (!whatIf && remaining.Count > 0)
        {
            // Never succeed into drift: a later test would report it forever.
            throw new PSRemotingDscException(ErrorIds.SetDidNotConverge,
                $"'{request.ConfigPath}' was written, but Subsystem '{request.Name}' is still not in the desired state: {string.Join(" ", remaining.Select(reason => reason.Phrase))} Please report this; the previous file is kept as '{request.ConfigPath}{SshdConfigWriter.BackupSuffix}'.");
        }

        EndpointState state = BuildState(request, observedAfter, remaining) with
        {
            RestartRequired = policy == RestartPolicy.Never && plan.ChangesConfiguration ? [SshServiceName] : [],
            ReloadOutcome = reloadOutcome,
        };
        return new OperationResult(state, Reason.PropertiesOf(request.Reasons), plan.Changes);
    }

    public IReadOnlyList<EndpointState> Export(EndpointProperties filter)
    {
        VersionSpec? spec = filter.Version is null ? null : VersionSpec.Parse(filter.Version);
        string configPath = RequireConfigPath(filter.SshdConfigPath);
        SshdConfiguration configuration = LoadConfiguration(configPath);
        var names = configuration.Documents
            .SelectMany(document => document.Subsystems)
            .Where(definition => !definition.InMatchBlock)
            .Select(definition => definition.Name)
            .Distinct(StringComparer.Ordinal);
        IReadOnlyDictionary<string, SshEndpointObservation> observations = _observer.ObserveAll(configuration);

        var states = new List<EndpointState>();
        foreach (string name in names)
        {
            if (filter.Name is not null && !string.Equals(filter.Name, name, StringComparison.Ordinal))
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
                continue;
            }

            PowerShellInstallation? installation = effective.Installation;
            if ((spec is not null && (installation is null || !spec.Matches(installation.Version)))
                || (filter.PSHome is not null && (installation is null || !PathIdentity.SameDirectory(installation.PSHome, filter.PSHome))))
            {
                continue;
            }

            var desired = new SshEndpointDesired(name, true, installation, installation?.Executable, null);
            states.Add(new EndpointState
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
            });
        }

        return states;
    }

    private static bool IsPowerShellEndpoint(ObservedSubsystem subsystem) =>
        subsystem.Installation is not null
        || subsystem.Command.IsServerMode
        || Path.GetFileName(subsystem.Command.Executable).StartsWith("pwsh", StringComparison.OrdinalIgnoreCase);

    private SshRequest Prepare(EndpointProperties properties) => Observe(Resolve(properties));

    /// <summary>Everything that needs no configuration read: a failure here leaves no trace, not even a lock file.</summary>
    private SshTarget Resolve(EndpointProperties properties)
    {
        VersionSpec spec = VersionSpec.Parse(properties.Version!);
        string name = properties.Name ?? $"powershell-{spec}";
        string configPath = RequireConfigPath(properties.SshdConfigPath);
        PowerShellInstallation? installation = DesiredInstallation.Resolve(_resolver, properties);
        Trace.Write(TraceLevel.Debug, installation is null
            ? $"Version '{spec}' is not installed; endpoint '{name}' is only checked for absence."
            : $"Version '{spec}' resolves to PowerShell {installation.Version} in '{installation.PSHome}' ({installation.Origin}).");
        return new SshTarget(properties, spec, name, configPath, installation);
    }

    private SshRequest Observe(SshTarget target)
    {
        SshdConfiguration configuration = LoadConfiguration(target.ConfigPath);
        SshEndpointObservation observation = _observer.Observe(configuration, target.Name);
        EndpointProperties properties = target.Properties;
        var desired = new SshEndpointDesired(target.Name, properties.ShouldExist, target.Installation, target.Installation?.Executable, properties.Arguments);
        IReadOnlyList<Reason> reasons = _analyzer.Analyze(desired, observation);
        return new SshRequest(properties, target.Spec, target.Name, target.ConfigPath, configuration, desired, observation, reasons);
    }

    private string RequireConfigPath(string? requested)
    {
        string path = requested ?? _environment.DefaultSshdConfigPath;
        FileKind kind = RegularFile.Inspect(path);
        if (kind == FileKind.Missing)
        {
            throw new PSRemotingDscException(ErrorIds.SshdConfigNotFound, requested is null
                ? $"The default sshd_config '{path}' does not exist. Install the OpenSSH server or set 'sshdConfigPath' to the file sshd uses."
                : $"Property 'sshdConfigPath' is '{path}', which does not exist (or is a symbolic link to nothing). Set it to the sshd_config file sshd uses.");
        }

        if (kind != FileKind.Regular)
        {
            throw new PSRemotingDscException(ErrorIds.SshdConfigNotRegularFile,
                $"Property 'sshdConfigPath' is '{path}', which is {kind.Describe()}, not a regular file; only regular files are read or replaced. Nothing was changed. Set it to the sshd_config file sshd uses.");
        }

        return path;
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
        if (_environment.IsWindows && WindowsSubsystemPath.NeedsWorkaround(executable))
        {
            string? shortPath = _environment.ShortPaths is null ? null : WindowsSubsystemPath.ToShortPath(executable, _environment.ShortPaths);
            return shortPath ?? throw new PSRemotingDscException(ErrorIds.ExecutablePathHasSpaces,
                $"'{executable}' contains spaces and this volume has no 8.3 short name for it; OpenSSH for Windows cannot run it as a subsystem. Create a link without spaces (e.g. in %ProgramData%\\ssh) to the PowerShell directory and pass it as 'pshome'.");
        }

        if (executable.Any(char.IsWhiteSpace))
        {
            throw new PSRemotingDscException(ErrorIds.ExecutablePathHasSpaces,
                $"'{executable}' contains whitespace, which sshd would split into separate arguments. Create a symbolic link without spaces to the PowerShell directory and pass it as 'pshome'.");
        }

        if (_environment.IsWindows)
        {
            // cmd.exe /c runs the subsystem command on Windows (Win32-OpenSSH w32-doexec.c); these are its syntax.
            int unsafeAt = executable.AsSpan().IndexOfAny(CmdMetacharacters);
            if (unsafeAt >= 0)
            {
                throw new PSRemotingDscException(ErrorIds.ExecutablePathUnsafe,
                    $"'{executable}' contains '{executable[unsafeAt]}', which cmd.exe interprets when OpenSSH for Windows starts the subsystem. Create a link without it to the PowerShell directory and pass it as 'pshome'.");
            }

            ValueSafety.RequireSafePath("pshome", executable);
        }
        else
        {
            ValueSafety.RequireSafeCommandWord("pshome", executable);
        }

        return executable;
    }

    private void Write(SshPlan plan)
    {
        string? sshd = _environment.FindSshd();
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
    }

    /// <summary>Reloads sshd (or says what it would do) and returns the sentence that reports it.</summary>
    private string Reload(SshRequest request, bool whatIf)
    {
        string message = whatIf
            ? $"What if: reload the sshd that uses '{request.ConfigPath}', if one is running."
            : _environment.SshdControl.Reload(request.ConfigPath, request.Configuration.PidFile, _environment.ReloadTimeout).Message;
        Trace.Write(TraceLevel.Info, message);
        return message;
    }

    private static EndpointState BuildState(SshRequest request, SshEndpointObservation observation, IReadOnlyList<Reason> reasons)
    {
        ObservedSubsystem? effective = observation.Effective;
        PowerShellInstallation? bound = effective?.Installation;
        PowerShellInstallation? resolved = request.Desired.Installation;
        return new EndpointState
        {
            Version = bound is not null && !request.Spec.Matches(bound.Version) ? bound.Version.ToString() : request.Properties.Version,
            Transport = Transport.Ssh,
            Name = request.Name,
            PSHome = observation.Exists ? bound?.PSHome : request.Properties.PSHome,
            Exist = observation.Exists,
            SshdConfigPath = request.ConfigPath,
            Arguments = effective is not null ? effective.Command.ExtraArguments : request.Properties.Arguments,
            ResolvedVersion = resolved?.Version.ToString(),
            ResolvedPSHome = resolved?.PSHome,
            Reasons = reasons,
        };
    }


    private sealed record SshTarget(EndpointProperties Properties, VersionSpec Spec, string Name, string ConfigPath, PowerShellInstallation? Installation);

    private sealed record SshRequest(
        EndpointProperties Properties,
        VersionSpec Spec,
        string Name,
        string ConfigPath,
        SshdConfiguration Configuration,
        SshEndpointDesired Desired,
        SshEndpointObservation Observation,
        IReadOnlyList<Reason> Reasons);
}
