using PSRemotingDsc.Drift;
using PSRemotingDsc.Errors;
using PSRemotingDsc.Inventory;

namespace PSRemotingDsc.Tests.Inventory;

public sealed class InventoryClassifierTests
{
    private static Reason R(ReasonId id) => Reason.Create(id, id.ToString(), "version");

    [Theory]
    [InlineData(new ReasonId[0], EndpointCondition.Ok)]
    [InlineData(new[] { ReasonId.Missing }, EndpointCondition.Missing)]
    [InlineData(new[] { ReasonId.InstallationGone }, EndpointCondition.Orphaned)]
    [InlineData(new[] { ReasonId.StalePlugin }, EndpointCondition.Stale)]
    [InlineData(new[] { ReasonId.ArgumentsDiffer }, EndpointCondition.Drifted)]
    [InlineData(new[] { ReasonId.VersionNotInstalled }, EndpointCondition.Drifted)]
    [InlineData(new[] { ReasonId.DuplicateDefinition, ReasonId.InstallationGone }, EndpointCondition.Orphaned)]
    [InlineData(new[] { ReasonId.QuotaDiffers, ReasonId.StalePlugin, ReasonId.InstallationGone }, EndpointCondition.Orphaned)]
    [InlineData(new[] { ReasonId.QuotaDiffers, ReasonId.StalePlugin }, EndpointCondition.Stale)]
    [InlineData(new[] { ReasonId.StalePlugin, ReasonId.Missing }, EndpointCondition.Missing)]
    public void TheFirstApplicableStateWins(ReasonId[] reasons, EndpointCondition expected) =>
        Assert.Equal(expected, InventoryClassifier.Classify([.. reasons.Select(R)]));

    [Fact]
    public void WireNames_RoundTrip_AndAreTheSchemasEnumeration()
    {
        Assert.All(Enum.GetValues<EndpointCondition>(), condition => Assert.Equal(condition, InventoryClassifier.FromWireName(InventoryClassifier.WireName(condition))));
        Assert.Equal(["ok", "missing", "drifted", "orphaned", "stale", "foreign"], Enum.GetValues<EndpointCondition>().Select(InventoryClassifier.WireName));
        Assert.Null(InventoryClassifier.FromWireName("OK"));
    }

    [Fact]
    public void TheNonCompliantExitCode_IsNoErrorsExitCode() =>
        Assert.DoesNotContain(ReportExitCode.NonCompliant, Enum.GetValues<ExitCode>().Select(code => (int)code));
}
