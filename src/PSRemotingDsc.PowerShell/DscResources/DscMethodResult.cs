namespace PSRemotingDsc.PowerShell.DscResources;

/// <summary>What a DSC method of the class resource returns to its PowerShell class, with the trace it is to write.</summary>
/// <param name="Instance">Get: the resource's current state as a new instance of the class; otherwise null.</param>
/// <param name="InDesiredState">Test: whether the endpoint is as the instance says.</param>
/// <param name="Messages">The engine's trace lines of the call.</param>
public sealed record DscMethodResult(object? Instance, bool InDesiredState, IReadOnlyList<TraceMessage> Messages);
