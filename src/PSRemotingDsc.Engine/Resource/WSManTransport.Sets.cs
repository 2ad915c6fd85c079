using PSRemotingDsc.Drift;
using PSRemotingDsc.Endpoints;
using PSRemotingDsc.Platform;
using PSRemotingDsc.Versions;
using PSRemotingDsc.WSMan.Plugin;

namespace PSRemotingDsc.Resource;

/// <summary>
/// An endpoint set over WSMan: each WinRM plugin is its own registration, so each desired endpoint and each removal
/// runs the endpoint pipeline of its own (one process, in order; the plugin store serializes each change). There is no
/// lock across plugins: WinRM has no configuration file to lock.
/// </summary>
internal sealed partial class WSManTransport
{
    /// <summary>The set as registered now; changes nothing.</summary>
    public EndpointSetObservation ObserveSet(IReadOnlyList<DesiredEndpoint> desired) => new(
        [.. desired.Select(endpoint => (endpoint, Test(endpoint).State.Reasons))],
        RegisteredForSet());

    /// <summary>Sets every desired endpoint that drifted and, with <paramref name="purge"/>, removes every PowerShell 6+ plugin not desired.</summary>
    public EndpointSetApplied ApplySet(IReadOnlyList<DesiredEndpoint> desired, bool purge, bool whatIf)
    {
        EndpointSetObservation before = ObserveSet(desired);
        var changes = new List<PlannedChange>();
        var restart = new List<string>();
        var outcomes = new List<string>();
        foreach ((DesiredEndpoint endpoint, IReadOnlyList<Reason> reasons) in before.Versions.Where(version => version.Reasons.Count > 0))
        {
            Record(Set(endpoint, whatIf), changes, restart, outcomes);
        }

        if (purge)
        {
            var wanted = desired.Select(endpoint => endpoint.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (RegisteredEndpoint registered in before.Registered.Where(registered => registered.Purgeable && !wanted.Contains(registered.State.Name!)))
            {
                string name = registered.State.Name!;
                VersionSpec spec = registered.State.Version is { } version && VersionSpec.TryParse(version, out VersionSpec? exact, out _) ? exact : VersionSpec.Parse("7");
                var removal = new DesiredEndpoint(
                    new EndpointProperties { Transport = Transport.Wsman, Name = name, Exist = false },
                    spec, Transport.Wsman, name, RestartPolicy.IfNeeded, SshdConfigPath: null, Installation: null);
                Check(removal);
                Record(Set(removal, whatIf), changes, restart, outcomes);
            }
        }

        return new EndpointSetApplied(whatIf ? null : ObserveSet(desired), changes, whatIf ? 0 : changes.Count, [.. restart.Distinct(StringComparer.Ordinal)],
            outcomes.Count == 0 ? null : string.Join(" ", outcomes.Distinct(StringComparer.Ordinal)));
    }

    private static void Record(OperationResult result, List<PlannedChange> changes, List<string> restart, List<string> outcomes)
    {
        changes.AddRange(result.Changes);
        restart.AddRange(result.State.RestartRequired);
        if (result.State.ReloadOutcome is { } outcome)
        {
            outcomes.Add(outcome);
        }
    }

    /// <summary>Every PowerShell 6+ plugin export lists, each with whether purge may remove it (never one declaring Windows PowerShell's PSVersion).</summary>
    private List<RegisteredEndpoint> RegisteredForSet()
    {
        var registered = new List<RegisteredEndpoint>();
        foreach (EndpointState state in Export(new ExportFilter(new EndpointProperties { Transport = Transport.Wsman }, null, string.Empty)))
        {
            PluginConfiguration? configuration = _observer.Observe(state.Name!, desiredInstallation: null, checkPreconditions: false, verifyConnection: false).Configuration;
            string? keptBecause = EndpointSetRules.WhyWSManEndpointIsKept(state.Name!, configuration?.Filename, configuration?.InitializationParameters.PSVersion);
            registered.Add(new RegisteredEndpoint(state, keptBecause is null, keptBecause));
        }

        return registered;
    }
}
