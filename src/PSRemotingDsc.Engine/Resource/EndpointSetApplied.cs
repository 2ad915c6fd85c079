using PSRemotingDsc.Drift;

namespace PSRemotingDsc.Resource;

/// <summary>What a transport did (or under what-if would do) for an endpoint set.</summary>
/// <param name="After">The set after the change; under what-if the prediction, or null where the transport cannot predict it.</param>
/// <param name="Changes">The changes, in order.</param>
/// <param name="Writes">How many configuration files were written.</param>
/// <param name="RestartRequired">The services that still need a restart.</param>
/// <param name="ReloadOutcome">What was done about reloading or restarting, or null.</param>
internal sealed record EndpointSetApplied(
    EndpointSetObservation? After,
    IReadOnlyList<PlannedChange> Changes,
    int Writes,
    IReadOnlyList<string> RestartRequired,
    string? ReloadOutcome);
