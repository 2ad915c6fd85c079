using PSRemotingDsc.Drift;
using PSRemotingDsc.Endpoints;

namespace PSRemotingDsc.Inventory;

/// <summary>One registered or desired endpoint of a <see cref="MachineReport"/>, classified into exactly one <see cref="EndpointCondition"/>.</summary>
/// <param name="Transport">The transport.</param>
/// <param name="Name">The Subsystem or plugin name.</param>
/// <param name="Condition">Its state.</param>
/// <param name="Reasons">Why it is not as desired; empty for <see cref="EndpointCondition.Ok"/> and <see cref="EndpointCondition.Foreign"/>.</param>
public sealed record InventoryRow(Transport Transport, string Name, EndpointCondition Condition, IReadOnlyList<Reason> Reasons)
{
    /// <summary>The version spec tested, or the version of the installation a registered endpoint starts; null when unknown.</summary>
    public string? Version { get; init; }

    /// <summary>The installed version the row resolves to; null when none.</summary>
    public string? ResolvedVersion { get; init; }

    /// <summary>The <c>$PSHOME</c> the endpoint starts, or for an endpoint not registered the one <c>set</c> would bind it to.</summary>
    public string? PSHome { get; init; }

    /// <summary>
    /// Every installed <c>$PSHOME</c> whose version <see cref="Version"/> matches, highest version first, then by path
    /// (ordinal): more than one when several installations match; <see cref="PSHome"/> says which one the row is bound to.
    /// </summary>
    public IReadOnlyList<string> MatchingInstallations { get; init; } = [];

    /// <summary>True when the row was tested against a desired instance (a default endpoint or a desired document's instance).</summary>
    public bool Desired { get; init; }

    /// <summary>What <c>set</c> would change for a desired row that is not compliant (<c>file: change</c>), or why it would fail.</summary>
    public IReadOnlyList<string> Changes { get; init; } = [];

    /// <summary>Foreign rows: what the endpoint runs.</summary>
    public string? Command { get; init; }

    /// <summary>Foreign rows: where it is declared.</summary>
    public string? Location { get; init; }

    /// <summary>Compliant for <see cref="EndpointCondition.Ok"/> and <see cref="EndpointCondition.Foreign"/>, NonCompliant otherwise.</summary>
    public ComplianceStatus ComplianceStatus => Condition is EndpointCondition.Ok or EndpointCondition.Foreign ? ComplianceStatus.Compliant : ComplianceStatus.NonCompliant;
}
