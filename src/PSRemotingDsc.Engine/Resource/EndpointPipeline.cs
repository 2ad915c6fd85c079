using PSRemotingDsc.Diagnostics;
using PSRemotingDsc.Drift;
using PSRemotingDsc.Endpoints;
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

    public OperationResult Get(DesiredEndpoint desired)
    {
        TObservation observation = Observe(desired, EndpointOperation.Get);
        return new OperationResult(State(desired, observation, Analyze(desired, observation)), [], []);
    }

    public OperationResult Test(DesiredEndpoint desired)
    {
        TObservation observation = Observe(desired, EndpointOperation.Test);
        IReadOnlyList<Reason> reasons = Analyze(desired, observation);
        foreach (Reason reason in reasons)
        {
            Trace.Write(TraceLevel.Info, reason.Phrase);
        }

        return new OperationResult(State(desired, observation, reasons) with { InDesiredState = reasons.Count == 0 }, Reason.PropertiesOf(reasons), []);
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

        if (!whatIf)
        {
            Apply(desired, plan);
        }

        (bool restartRequired, string? restartOutcome) = desired.Restart == RestartPolicy.Never || !(plan.RestartNeeded || desired.Restart == RestartPolicy.Always)
            ? (plan.RestartNeeded && desired.Restart == RestartPolicy.Never, null)
            : Restart(desired, before, whatIf);

        TObservation after = ObserveAfter(desired, before, plan, whatIf);
        IReadOnlyList<Reason> remaining = whatIf ? [] : Analyze(desired, after);
        if (remaining.Count > 0)
        {
            NotConverged(desired, remaining);
        }

        EndpointState state = State(desired, after, remaining) with
        {
            RestartRequired = restartRequired ? [ServiceName] : [],
            ReloadOutcome = restartOutcome,
        };
        return new OperationResult(state, Reason.PropertiesOf(reasons), plan.Changes);
    }

    /// <summary>Checks that need no configuration read (elevation, the executable a new endpoint starts): a failure leaves no trace, not even a lock file.</summary>
    protected abstract void CheckCanSet(DesiredEndpoint desired, bool whatIf);

    /// <summary>The lock that serializes set and delete on the same configuration, or null where the transport's store serializes itself.</summary>
    protected virtual IDisposable? Lock(DesiredEndpoint desired) => null;

    protected abstract TObservation Observe(DesiredEndpoint desired, EndpointOperation operation);

    protected abstract IReadOnlyList<Reason> Analyze(DesiredEndpoint desired, TObservation observation);

    /// <summary>The plan that removes <paramref name="reasons"/>, empty when there are none; throws, before anything is changed, when the change is refused.</summary>
    protected abstract TPlan Plan(DesiredEndpoint desired, TObservation observation, IReadOnlyList<Reason> reasons);

    protected abstract void Apply(DesiredEndpoint desired, TPlan plan);

    /// <summary>Reloads or restarts the service (or, under what-if, says it would): whether a restart is still required, and the sentence that reports it.</summary>
    protected abstract (bool Required, string? Outcome) Restart(DesiredEndpoint desired, TObservation before, bool whatIf);

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
