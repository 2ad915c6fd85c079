using PSRemotingDsc.Drift;

namespace PSRemotingDsc.Resource;

/// <summary>The outcome of an endpoint set's get, test or set.</summary>
/// <param name="State">The set's state (after set; predicted under what-if).</param>
/// <param name="Properties">The wire names of the properties that differ (test) or were changed (set).</param>
/// <param name="Changes">The changes set made, or under what-if would make, in order; empty for get and test.</param>
/// <param name="Writes">How many configuration files set wrote (0 under what-if and when nothing changed).</param>
public sealed record EndpointSetResult(EndpointSetState State, IReadOnlyList<string> Properties, IReadOnlyList<PlannedChange> Changes, int Writes);
