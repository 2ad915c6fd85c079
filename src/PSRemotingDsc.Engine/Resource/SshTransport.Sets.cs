using PSRemotingDsc.Diagnostics;
using PSRemotingDsc.Drift;
using PSRemotingDsc.Errors;
using PSRemotingDsc.IO;
using PSRemotingDsc.Ssh;

namespace PSRemotingDsc.Resource;

/// <summary>
/// An endpoint set over SSH: every desired endpoint and every removal planned on one in-memory copy of the
/// configuration, read under one lock, each modified file written once (validated with <c>sshd -t</c>, renamed into
/// place), and sshd reloaded once.
/// </summary>
internal sealed partial class SshTransport
{
    /// <summary>The set as <paramref name="configPath"/> holds it now; changes nothing.</summary>
    public EndpointSetObservation ObserveSet(string configPath, bool explicitlySet, IReadOnlyList<DesiredEndpoint> desired)
    {
        RequireConfigPath(configPath, explicitlySet);
        return ObserveSet(LoadConfiguration(configPath), configPath, desired);
    }

    /// <summary>
    /// Brings the set to the desired state in one locked read-modify-write of <paramref name="configPath"/>: adds or
    /// repairs every desired endpoint and, with <paramref name="purge"/>, removes every PowerShell 6+ endpoint not desired.
    /// Under <paramref name="whatIf"/> nothing is locked, written or reloaded; the result predicts the configuration.
    /// </summary>
    /// <exception cref="PSRemotingDscException">A change was refused or failed; nothing was written then.</exception>
    public EndpointSetApplied ApplySet(string configPath, bool explicitlySet, IReadOnlyList<DesiredEndpoint> desired, bool purge, bool whatIf)
    {
        RequireConfigPath(configPath, explicitlySet);
        string[] executables = [.. desired.Select(endpoint => SubsystemExecutable(endpoint.Installation!))];

        using ConfigurationLock? held = whatIf ? null : ConfigurationLock.Acquire(configPath, Environment.LockTimeout);
        SshdConfiguration configuration = LoadConfiguration(configPath);
        if (!whatIf)
        {
            Trace.Write(TraceLevel.Debug, $"Holding the lock '{held!.Path}'.");
            foreach (string stale in configuration.Documents.SelectMany(document => SshdConfigWriter.RemoveStaleTempFiles(document.Path)))
            {
                Trace.Write(TraceLevel.Info, $"Removed '{stale}', left by an interrupted run.");
            }
        }

        // Every plan edits the same loaded documents, so each later plan sees the earlier ones.
        var modified = new List<SshdConfigDocument>();
        var changes = new List<PlannedChange>();
        for (int i = 0; i < desired.Count; i++)
        {
            SshEndpointObservation observed = _observer.Observe(configuration, desired[i].Name);
            IReadOnlyList<Reason> reasons = _analyzer.Analyze(ToSsh(desired[i], desired[i].Installation!.Executable), observed);
            Collect(SshPlanner.Plan(ToSsh(desired[i], executables[i]), configuration, observed, reasons), modified, changes);
        }

        if (purge)
        {
            var wanted = desired.Select(endpoint => endpoint.Name).ToHashSet(StringComparer.Ordinal);
            foreach (RegisteredEndpoint registered in Registered(configuration, configPath, null).Where(registered => registered.Purgeable && !wanted.Contains(registered.State.Name!)))
            {
                string name = registered.State.Name!;
                Reason unexpected = Reason.Create(ReasonId.Unexpected, $"Subsystem '{name}' is not desired.", "_exist");
                Collect(SshPlanner.Plan(new SshEndpointDesired(name, false, null, null, null), configuration, _observer.Observe(configuration, name), [unexpected]), modified, changes);
            }
        }

        foreach (PlannedChange change in changes)
        {
            Trace.Write(TraceLevel.Info, whatIf ? $"What if: {change.File}: {change.Description}" : $"{change.File}: {change.Description}");
        }

        if (changes.Count == 0)
        {
            Trace.Write(TraceLevel.Info, $"The endpoints in '{configPath}' are already in the desired state; nothing to change.");
            return new EndpointSetApplied(ObserveSet(configuration, configPath, desired), [], 0, [], null);
        }

        if (whatIf)
        {
            string wouldReload = $"What if: reload the sshd that uses '{configPath}', if one is running.";
            Trace.Write(TraceLevel.Info, wouldReload);
            return new EndpointSetApplied(ObserveSet(configuration, configPath, desired), changes, 0, [], wouldReload);
        }

        int writes = Write(modified);
        (bool restartRequired, string? outcome) = Reload(configPath, configuration.PidFile);
        EndpointSetObservation after = ObserveSet(LoadConfiguration(configPath), configPath, desired);
        string[] remaining = [.. after.Versions.Where(version => version.Reasons.Count > 0).Select(version => $"'{version.Desired.Name}': {string.Join(" ", version.Reasons.Select(reason => reason.Phrase))}")
            .Concat(purge ? after.Registered.Where(registered => registered.Purgeable && !desired.Any(endpoint => endpoint.Name == registered.State.Name)).Select(registered => $"'{registered.State.Name}' is still registered.") : [])];
        if (remaining.Length > 0)
        {
            throw new PSRemotingDscException(ErrorIds.SetDidNotConverge,
                $"'{configPath}' was written, but the endpoint set is still not in the desired state: {string.Join(" ", remaining)} Please report this; the previous file is kept as '{configPath}{SshdConfigWriter.BackupSuffix}'.");
        }

        return new EndpointSetApplied(after, changes, writes, restartRequired ? [ServiceName] : [], outcome);
    }

    private EndpointSetObservation ObserveSet(SshdConfiguration configuration, string configPath, IReadOnlyList<DesiredEndpoint> desired) => new(
        [.. desired.Select(endpoint => (endpoint, endpoint.NotInstalled is { } notInstalled
            ? (IReadOnlyList<Reason>)[Reason.Create(ReasonId.VersionNotInstalled, notInstalled, "version")]
            : _analyzer.Analyze(ToSsh(endpoint, endpoint.Installation?.Executable), _observer.Observe(configuration, endpoint.Name))))],
        Registered(configuration, configPath, null));

    private static void Collect(SshPlan plan, List<SshdConfigDocument> modified, List<PlannedChange> changes)
    {
        foreach (SshdConfigDocument document in plan.ModifiedDocuments.Where(document => !modified.Any(seen => ReferenceEquals(seen, document))))
        {
            modified.Add(document);
        }

        changes.AddRange(plan.Changes);
    }

    /// <summary>Writes each modified document once; returns how many files were replaced.</summary>
    private int Write(List<SshdConfigDocument> modified)
    {
        string? sshd = Environment.FindSshd();
        if (sshd is null)
        {
            Trace.Write(TraceLevel.Warn, "sshd is not installed, so the new configuration cannot be validated with 'sshd -t'; writing it unvalidated.");
        }

        var writer = new SshdConfigWriter(sshd is null ? null : new SshdBinaryValidator(sshd));
        int writes = 0;
        foreach (SshdConfigDocument document in modified)
        {
            WriteResult result = writer.Write(document.Path, document.Render());
            foreach (string warning in result.Warnings)
            {
                Trace.Write(TraceLevel.Warn, warning);
            }

            if (!result.Unchanged)
            {
                writes++;
                Trace.Write(TraceLevel.Info, $"Wrote '{result.Path}'{(result.Validated ? " (validated with sshd -t)" : string.Empty)}{(result.BackupPath is null ? string.Empty : $"; previous file kept as '{result.BackupPath}'")}.");
            }
        }

        return writes;
    }

    private (bool Required, string? Outcome) Reload(string configPath, string? pidFile)
    {
        try
        {
            string message = Environment.SshdControl.Reload(configPath, pidFile, Environment.ReloadTimeout).Message;
            Trace.Write(TraceLevel.Info, message);
            return (false, message);
        }
        catch (PSRemotingDscException ex) when (ex.ExitCode == ExitCode.RestartTimedOut)
        {
            return RestartStillRequired(ex);
        }
    }
}
