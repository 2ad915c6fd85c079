using PSRemotingDsc.Drift;

namespace PSRemotingDsc.Resource;

/// <summary>
/// The outcome of get/test/set/delete: the state, the names of the properties that differ (test) or
/// changed (set), and the changes made or, under what-if, that would be made.
/// </summary>
public sealed record OperationResult(EndpointState State, IReadOnlyList<string> Properties, IReadOnlyList<PlannedChange> Changes);
