using PSRemotingDsc.Diagnostics;
using PSRemotingDsc.Drift;
using PSRemotingDsc.Endpoints;
using PSRemotingDsc.Errors;
using PSRemotingDsc.Platform;
using PSRemotingDsc.Versions;

namespace PSRemotingDsc.Resource;

/// <summary>
/// The one endpoint pipeline both transports run: desired (built once) → observe → analyze → plan → apply →
/// restart → resulting state. A transport supplies only what differs: how it observes, analyzes, plans, applies,
/// restarts its service and describes its state. What-if computes the plan and does not apply it.
/// </summary>
/// <typeparam name="TObservation">What the transport reads about one endpoint.</typeparam>
/// <typeparam name="TPlan">The transport's plan.</typeparam>
internal abstract class EndpointPipeline<TObservation, TPlan> : IEndpointTransport
    where TPlan : EndpointPlan
{
    protected EndpointPipeline(ResourceEnvironment environment)
    {
        Environment = environment;
    }

    protected ResourceEnvironment Environment { get; }

    protected ITraceSink Trace => Environment.Trace;

    /// <summary>The service a change restarts (<c>sshd</c>, <c>WinRM</c>), as reported in <c>_restartRequired</c>.</summary>
    protected abstract string ServiceName { get; }

    public abstract string ResolutionContext { get; }

    public abstract string DefaultName(VersionSpec spec);

    public abstract void Check(DesiredEndpoint desired);

    public abstract IReadOnlyList<EndpointState> Export(ExportFilter filter);

    public abstract (IReadOnlyList<EndpointState> PowerShell, IReadOnlyList<ForeignEndpoint> Foreign) ExportWithForeign(ExportFilter filter);

    public OperationResult Get(DesiredEndpoint desired)
    {
        TObservation observation = Observe(desired, EndpointOperation.Get);
        return new OperationResult(State(desired, observation, Reasons(desired, observation)), [], []);
    }

    public OperationResult Test(DesiredEndpoint desired)
    {
        TObservation observation = Observe(desired, EndpointOperation.Test);
        IReadOnlyList<Reason> reasons = Reasons(desired, observation);
        foreach (Reason reason in reasons)
        {
            Trace.Write(TraceLevel.Info, reason.Phrase);
        }

        return new OperationResult(State(desired, observation, reasons) with { InDesiredState = reasons.Count == 0 }, DifferingProperties(desired, reasons), []);
    }

    public OperationResult Set(DesiredEndpoint desired, bool whatIf)
    {
        CheckCanSet(desired, whatIf);

        // One read-modify-write at a time per configuration; what is read before the lock may be stale, so read after it.
        using IDisposable? held = whatIf ? null : Lock(desired);
        TObservation before = Observe(desired, whatIf ? EndpointOperation.SetWhatIf : EndpointOperation.Set);
        IReadOnlyList<Reason> reasons = Analyze(desired, before);
        TPlan plan = Plan(desired, before, reasons);
        if (reasons.Count == 0)
        {
            Trace.Write(TraceLevel.Info, NothingToChange(desired, before));
        }

        foreach (PlannedChange change in plan.Changes)
        {
            Trace.Write(TraceLevel.Info, whatIf ? $"What if: {change.File}: {change.Description}" : $"{change.File}: {change.Description}");
        }

        bool restartNeeded = plan.RestartNeeded;
        if (!whatIf)
        {
            restartNeeded |= Apply(desired, plan);
        }

        (bool restartRequired, string? restartOutcome) = desired.Restart == RestartPolicy.Never || !(restartNeeded || desired.Restart == RestartPolicy.Always)
            ? (restartNeeded && desired.Restart == RestartPolicy.Never, null)
            : Restart(desired, before, whatIf);

        TObservation after = ObserveAfter(desired, before, plan, whatIf);
        IReadOnlyList<Reason> remaining = whatIf ? [] : Analyze(desired, after);
        if (remaining.Count > 0)
        {
            NotConverged(desired, remaining);
        }

        // Under what-if nothing changed, so nothing needs a restart (dsc would record one); _metadata.reload says what would happen.
        EndpointState state = State(desired, after, remaining) with
        {
            RestartRequired = restartRequired && !whatIf ? [ServiceName] : [],
            ReloadOutcome = restartOutcome,
        };
        return new OperationResult(state, DifferingProperties(desired, reasons), plan.Changes);
    }

    /// <summary>Checks that need no configuration read (elevation, the executable a new endpoint starts): a failure leaves no trace, not even a lock file.</summary>
    protected abstract void CheckCanSet(DesiredEndpoint desired, bool whatIf);

    /// <summary>The lock that serializes set and delete on the same configuration, or null where the transport's store serializes itself.</summary>
    protected virtual IDisposable? Lock(DesiredEndpoint desired) => null;

    protected abstract TObservation Observe(DesiredEndpoint desired, EndpointOperation operation);

    protected abstract IReadOnlyList<Reason> Analyze(DesiredEndpoint desired, TObservation observation);

    /// <summary>The plan that removes <paramref name="reasons"/>, empty when there are none; throws, before anything is changed, when the change is refused.</summary>
    protected abstract TPlan Plan(DesiredEndpoint desired, TObservation observation, IReadOnlyList<Reason> reasons);

    /// <summary>Applies the plan; returns whether applying it showed a restart need the plan could not know (a new endpoint that does not answer yet).</summary>
    protected abstract bool Apply(DesiredEndpoint desired, TPlan plan);

    /// <summary>Reloads or restarts the service (or, under what-if, says it would): whether a restart is still required, and the sentence that reports it.</summary>
    protected abstract (bool Required, string? Outcome) Restart(DesiredEndpoint desired, TObservation before, bool whatIf);

    /// <summary>
    /// A reload or restart that timed out after the configuration was written: set succeeded, so it reports the state
    /// with the service in <c>_restartRequired</c> and a warning, rather than failing. dsc 3.2.3 treats any non-zero exit
    /// of set as a failure and records no after-state (lib/dsc-lib/src/dscresources/command_resource.rs, invoke_set), which
    /// would hide a change that was made.
    /// </summary>
    protected (bool Required, string? Outcome) RestartStillRequired(PSRemotingDscException timedOut)
    {
        ArgumentNullException.ThrowIfNull(timedOut);
        string message = $"The change was made, but {ServiceName} did not finish restarting in time ({timedOut.ErrorId}: {timedOut.Message}); restart it to apply the change.";
        Trace.Write(TraceLevel.Warn, message);
        return (true, message);
    }

    /// <summary>The endpoint after set: re-read, or under what-if the plan's prediction.</summary>
    protected abstract TObservation ObserveAfter(DesiredEndpoint desired, TObservation before, TPlan plan, bool whatIf);

    /// <summary>Called when drift remains after a set that applied its plan.</summary>
    protected abstract void NotConverged(DesiredEndpoint desired, IReadOnlyList<Reason> remaining);

    /// <summary>The sentence traced when set finds nothing to change.</summary>
    protected abstract string NothingToChange(DesiredEndpoint desired, TObservation observation);

    /// <summary>The endpoint's state for this instance, without the parts the pipeline adds (reasons, version echo, resolution).</summary>
    protected abstract EndpointState Describe(DesiredEndpoint desired, TObservation observation);

    /// <summary>The installation the endpoint is bound to, or null.</summary>
    protected abstract PowerShellInstallation? BoundInstallation(TObservation observation);

    /// <summary>
    /// The drift get and test report. A version that is not installed is the one reason: what the endpoint should be
    /// bound to is unknown, so nothing else can be compared.
    /// </summary>
    private IReadOnlyList<Reason> Reasons(DesiredEndpoint desired, TObservation observation) => desired.NotInstalled is { } notInstalled
        ? [Reason.Create(ReasonId.VersionNotInstalled, notInstalled, EndpointContract.Version.Name)]
        : Analyze(desired, observation);

    /// <summary>
    /// The properties dsc is told differ: those the reasons name, where a property the user did not set (a defaulted
    /// <c>name</c>, a <c>pshome</c> resolved from <c>version</c>) is reported as <c>version</c>, the one it was derived from.
    /// </summary>
    private static string[] DifferingProperties(DesiredEndpoint desired, IReadOnlyList<Reason> reasons) =>
        [.. Reason.PropertiesOf(reasons)
            .Select(name => EndpointContract.Find(name) is { IsSettable: true } property && property.ValueOf(desired.Properties) is null
                && (property == EndpointContract.Name || property == EndpointContract.PSHome)
                ? EndpointContract.Version.Name
                : name)
            .Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// The state: <c>version</c> echoes the spec while the bound installation matches it (so get output fed to test is
    /// in the desired state) and is the bound version otherwise; the resolution and the reasons added.
    /// </summary>
    private EndpointState State(DesiredEndpoint desired, TObservation observation, IReadOnlyList<Reason> reasons)
    {
        PowerShellInstallation? bound = BoundInstallation(observation);
        return Describe(desired, observation) with
        {
            Version = bound is not null && !desired.Spec.Matches(bound.Version) ? bound.Version.ToString() : desired.Properties.Version,
            ResolvedVersion = desired.Installation?.Version.ToString(),
            ResolvedPSHome = desired.Installation?.PSHome,
            Reasons = reasons,
        };
    }
}
