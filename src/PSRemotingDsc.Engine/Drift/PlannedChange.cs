namespace PSRemotingDsc.Drift;

/// <summary>One change a plan makes, said so a person can review it (what-if output, traces).</summary>
public sealed record PlannedChange(string File, string Description);
