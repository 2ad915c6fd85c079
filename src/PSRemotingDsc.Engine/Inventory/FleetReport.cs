namespace PSRemotingDsc.Inventory;

/// <summary>One machine's report as a fleet report counts it.</summary>
/// <param name="Machine">The machine name the report carries.</param>
/// <param name="GeneratedAt">When the machine's report was made, as written in it.</param>
/// <param name="Source">Where the report was read from (a file, or <c>-</c> for stdin).</param>
/// <param name="Endpoints">Each endpoint's condition, resolved version (null when none) and reason codes.</param>
public sealed record MachineSummary(string Machine, string GeneratedAt, string Source, IReadOnlyList<(EndpointCondition Condition, string? ResolvedVersion, IReadOnlyList<string> ReasonCodes)> Endpoints)
{
    /// <summary>How many endpoints are NonCompliant.</summary>
    public int NonCompliant => Endpoints.Count(endpoint => endpoint.Condition is not (EndpointCondition.Ok or EndpointCondition.Foreign));

    /// <summary>Compliant when no endpoint is NonCompliant.</summary>
    public ComplianceStatus ComplianceStatus => NonCompliant == 0 ? ComplianceStatus.Compliant : ComplianceStatus.NonCompliant;

    /// <summary>How many endpoints are in <paramref name="condition"/>.</summary>
    public int Count(EndpointCondition condition) => Endpoints.Count(endpoint => endpoint.Condition == condition);
}

/// <summary>
/// Many machines' reports merged: counts per state, per resolved version and per reason code, and the machines ordered
/// worst first. Machines are added one at a time; only their counts are kept, so memory grows with the number of
/// machines, not with the size of their reports.
/// </summary>
public sealed class FleetReport
{
    private readonly List<(string Machine, string GeneratedAt, string Source, int Endpoints, int NonCompliant, int[] Conditions)> _machines = [];
    private readonly int[] _conditions = new int[Enum.GetValues<EndpointCondition>().Length];
    private readonly Dictionary<string, int> _versions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _reasons = new(StringComparer.Ordinal);

    /// <summary>The key <see cref="Versions"/> counts endpoints with no resolved version under.</summary>
    public const string NoVersion = "none";

    /// <summary>How many endpoints (all machines) are in each condition.</summary>
    public int Count(EndpointCondition condition) => _conditions[(int)condition];

    /// <summary>All endpoints of all machines.</summary>
    public int Endpoints => _conditions.Sum();

    /// <summary>Endpoints per resolved version (foreign endpoints are not counted), highest count first, then by version (ordinal).</summary>
    public IReadOnlyList<(string Version, int Count)> Versions => Ordered(_versions);

    /// <summary>Reasons per code, most frequent first, then by code (ordinal).</summary>
    public IReadOnlyList<(string Code, int Count)> Reasons => Ordered(_reasons);

    /// <summary>
    /// The machines, worst first: most NonCompliant endpoints, then by name and source (ordinal), so the order does
    /// not depend on the order the reports were given in.
    /// </summary>
    public IReadOnlyList<(string Machine, string GeneratedAt, string Source, int Endpoints, int NonCompliant, IReadOnlyList<int> Conditions)> Machines =>
        [.. _machines
            .OrderByDescending(machine => machine.NonCompliant)
            .ThenBy(machine => machine.Machine, StringComparer.Ordinal)
            .ThenBy(machine => machine.Source, StringComparer.Ordinal)
            .Select(machine => (machine.Machine, machine.GeneratedAt, machine.Source, machine.Endpoints, machine.NonCompliant, (IReadOnlyList<int>)machine.Conditions))];

    /// <summary>Machines with no NonCompliant endpoint.</summary>
    public int CompliantMachines => _machines.Count(machine => machine.NonCompliant == 0);

    /// <summary>Machines with at least one NonCompliant endpoint.</summary>
    public int NonCompliantMachines => _machines.Count - CompliantMachines;

    /// <summary>NonCompliant when any machine is.</summary>
    public ComplianceStatus ComplianceStatus => NonCompliantMachines > 0 ? ComplianceStatus.NonCompliant : ComplianceStatus.Compliant;

    /// <summary>Counts one machine's report.</summary>
    /// <param name="machine">The machine's report, as read.</param>
    public void Add(MachineSummary machine)
    {
        ArgumentNullException.ThrowIfNull(machine);
        int[] conditions = new int[_conditions.Length];
        foreach ((EndpointCondition condition, string? version, IReadOnlyList<string> codes) in machine.Endpoints)
        {
            conditions[(int)condition]++;
            _conditions[(int)condition]++;
            if (condition != EndpointCondition.Foreign)
            {
                Increment(_versions, version ?? NoVersion);
            }

            foreach (string code in codes)
            {
                Increment(_reasons, code);
            }
        }

        _machines.Add((machine.Machine, machine.GeneratedAt, machine.Source, machine.Endpoints.Count, machine.NonCompliant, conditions));
    }

    private static void Increment(Dictionary<string, int> counts, string key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    private static List<(string, int)> Ordered(Dictionary<string, int> counts) =>
        [.. counts.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => (pair.Key, pair.Value))];
}
