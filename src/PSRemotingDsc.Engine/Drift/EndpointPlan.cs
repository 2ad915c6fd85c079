namespace PSRemotingDsc.Drift;

/// <summary>
/// What a set would change, computed before anything is changed: the changes, said so a person can review them,
/// and whether the service must restart for them to take effect. What-if is this plan, not applied.
/// </summary>
/// <param name="Changes">One entry per change, in the order they are applied; empty when nothing needs to change.</param>
public abstract record EndpointPlan(IReadOnlyList<PlannedChange> Changes)
{
    /// <summary>Whether sshd must reload or WinRM restart for the applied plan to take effect.</summary>
    public abstract bool RestartNeeded { get; }

    /// <summary>Whether the plan changes nothing.</summary>
    public bool IsEmpty => Changes.Count == 0;
}
