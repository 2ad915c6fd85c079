namespace PSRemotingDsc.Ssh;

/// <summary>
/// Everything registered under one subsystem name: the global definitions in effective order (the first
/// one is what sshd uses) and those that only apply inside <c>Match</c> blocks.
/// </summary>
public sealed record SshEndpointObservation(
    string Name,
    IReadOnlyList<ObservedSubsystem> Definitions,
    IReadOnlyList<SubsystemDefinition> MatchBlockDefinitions)
{
    /// <summary>Whether a global definition exists (one only inside a Match block does not count).</summary>
    public bool Exists => Definitions.Count > 0;

    /// <summary>The definition sshd uses: the first global one; null when none.</summary>
    public ObservedSubsystem? Effective => Definitions.Count > 0 ? Definitions[0] : null;
}
