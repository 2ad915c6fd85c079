using PSRemotingDsc.Drift;
using PSRemotingDsc.Endpoints;

namespace PSRemotingDsc.Inventory;

/// <summary>The one rule that puts an endpoint into exactly one <see cref="EndpointCondition"/>.</summary>
public static class InventoryClassifier
{
    /// <summary>
    /// The condition of a PowerShell endpoint from its reasons: none is <see cref="EndpointCondition.Ok"/>; otherwise the
    /// first of Missing, InstallationGone (orphaned), StalePlugin (stale) found among them, else drifted.
    /// </summary>
    /// <param name="reasons">The endpoint's reasons.</param>
    public static EndpointCondition Classify(IReadOnlyList<Reason> reasons)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        if (reasons.Count == 0)
        {
            return EndpointCondition.Ok;
        }

        return reasons.Any(reason => reason.Is(ReasonId.Missing)) ? EndpointCondition.Missing
            : reasons.Any(reason => reason.Is(ReasonId.InstallationGone)) ? EndpointCondition.Orphaned
            : reasons.Any(reason => reason.Is(ReasonId.StalePlugin)) ? EndpointCondition.Stale
            : EndpointCondition.Drifted;
    }

    /// <summary>The condition of an endpoint as the inventory reports it.</summary>
    /// <param name="state">The endpoint's state, with its reasons.</param>
    public static EndpointCondition Classify(EndpointState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Classify(state.Reasons);
    }

    /// <summary>The wire name of a condition: <c>ok</c>, <c>missing</c>, <c>drifted</c>, <c>orphaned</c>, <c>stale</c>, <c>foreign</c>.</summary>
    /// <param name="condition">The condition.</param>
    public static string WireName(EndpointCondition condition) => condition switch
    {
        EndpointCondition.Ok => "ok",
        EndpointCondition.Missing => "missing",
        EndpointCondition.Drifted => "drifted",
        EndpointCondition.Orphaned => "orphaned",
        EndpointCondition.Stale => "stale",
        EndpointCondition.Foreign => "foreign",
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, null),
    };

    /// <summary>The condition of a wire name, or null when it is not one.</summary>
    /// <param name="wireName">A wire name as <see cref="WireName"/> writes it.</param>
    public static EndpointCondition? FromWireName(string? wireName) => wireName switch
    {
        "ok" => EndpointCondition.Ok,
        "missing" => EndpointCondition.Missing,
        "drifted" => EndpointCondition.Drifted,
        "orphaned" => EndpointCondition.Orphaned,
        "stale" => EndpointCondition.Stale,
        "foreign" => EndpointCondition.Foreign,
        _ => null,
    };
}
