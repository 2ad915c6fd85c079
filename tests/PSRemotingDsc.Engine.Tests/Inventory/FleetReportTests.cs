using PSRemotingDsc.Inventory;

namespace PSRemotingDsc.Tests.Inventory;

public sealed class FleetReportTests
{
    private static MachineSummary Machine(string name, params (EndpointCondition Condition, string? Version, string[] Codes)[] endpoints) =>
        new(name, "2026-01-01T00:00:00Z", name + ".json", [.. endpoints.Select(e => (e.Condition, e.Version, (IReadOnlyList<string>)e.Codes))]);

    [Fact]
    public void CountsPerStateVersionAndReason_AndOrdersMachinesWorstFirst()
    {
        var fleet = new FleetReport();
        fleet.Add(Machine("b", (EndpointCondition.Ok, "7.6.9", []), (EndpointCondition.Foreign, null, [])));
        fleet.Add(Machine("c", (EndpointCondition.Missing, "7.6.9", ["M"]), (EndpointCondition.Orphaned, null, ["G", "D"])));
        fleet.Add(Machine("a", (EndpointCondition.Stale, "7.4.6", ["S"])));
        fleet.Add(Machine("a0", (EndpointCondition.Drifted, "7.4.6", ["D"])));

        Assert.Equal(["c:2", "a:1", "a0:1", "b:0"], fleet.Machines.Select(m => $"{m.Machine}:{m.NonCompliant}"));
        Assert.Equal(6, fleet.Endpoints);
        Assert.Equal(1, fleet.Count(EndpointCondition.Foreign));
        Assert.Equal([("7.4.6", 2), ("7.6.9", 2), (FleetReport.NoVersion, 1)], fleet.Versions);
        Assert.Equal([("D", 2), ("G", 1), ("M", 1), ("S", 1)], fleet.Reasons);
        Assert.Equal(3, fleet.NonCompliantMachines);
        Assert.Equal(ComplianceStatus.NonCompliant, fleet.ComplianceStatus);
    }

    [Fact]
    public void AFleetOfCompliantMachines_IsCompliant()
    {
        var fleet = new FleetReport();
        fleet.Add(Machine("a", (EndpointCondition.Ok, "7.6.9", []), (EndpointCondition.Foreign, null, [])));

        Assert.Equal(ComplianceStatus.Compliant, fleet.ComplianceStatus);
        Assert.Empty(fleet.Reasons);
    }
}
