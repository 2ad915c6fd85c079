using PSRemotingDsc.Drift;
using PSRemotingDsc.Endpoints;

namespace PSRemotingDsc.Resource;

/// <summary>
/// The outcome of get/test/set/delete: the state, the names of the properties that differ (test) or
/// changed (set), and the changes made or, under what-if, that would be made.
/// </summary>
/// <param name="State">The endpoint's state (after set; predicted under what-if).</param>
/// <param name="Properties">The wire names of the properties that differ (test) or were changed (set).</param>
/// <param name="Changes">The changes set made, or under what-if would make; empty for get and test.</param>
public sealed record OperationResult(EndpointState State, IReadOnlyList<string> Properties, IReadOnlyList<PlannedChange> Changes);
