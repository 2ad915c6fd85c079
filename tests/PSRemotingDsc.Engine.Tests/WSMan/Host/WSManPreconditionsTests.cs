using PSRemotingDsc.Errors;
using PSRemotingDsc.WSMan.Host;

namespace PSRemotingDsc.Tests.WSMan.Host;

public sealed class WSManPreconditionsTests
{
    private static readonly Version Windows11 = new(10, 0, 22631);
    private static readonly Version Windows81 = new(6, 3, 9600);

    [Fact]
    public void Check_FindsNothingMissing_OnAReadyMachine()
    {
        Assert.Empty(WSManPreconditions.Check(new WinRMHostSnapshot(), Windows11, new FixedElevation(true)));
    }

    [Fact]
    public void Check_ReportsAStoppedService_WithTheCommandThatStartsIt()
    {
        var host = new WinRMHostSnapshot { Service = new WinRMServiceState(true, false, "Disabled") };

        WSManPrecondition missing = Assert.Single(WSManPreconditions.Check(host, Windows11));

        Assert.Equal(WSManPreconditionId.WinRMServiceStopped, missing.Id);
        Assert.Contains("Set-Service WinRM -StartupType Automatic; Start-Service WinRM", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ReportsAMissingService_NotAlsoAStoppedOne()
    {
        var host = new WinRMHostSnapshot { Service = WinRMServiceState.NotInstalled };

        Assert.Equal([WSManPreconditionId.WinRMServiceMissing], WSManPreconditions.Check(host, Windows11).Select(m => m.Id));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("1.1")]
    public void Check_ReportsAStackOlderThanTwo(string? stack)
    {
        var host = new WinRMHostSnapshot { ServiceStackVersion = stack is null ? null : Version.Parse(stack) };

        Assert.Equal([WSManPreconditionId.WSManStackTooOld], WSManPreconditions.Check(host, Windows11).Select(m => m.Id));
    }

    [Fact]
    public void Check_AcceptsStackVersionTwoExactly()
    {
        Assert.Empty(WSManPreconditions.Check(new WinRMHostSnapshot { ServiceStackVersion = new Version(2, 0) }, Windows11));
    }

    [Fact]
    public void Check_ReportsNoListener_AndPointsAtQuickConfigOrAListenerResource()
    {
        var host = new WinRMHostSnapshot { Listeners = new WSManListenerPresence(false, false) };

        WSManPrecondition missing = Assert.Single(WSManPreconditions.Check(host, Windows11));

        Assert.Equal(WSManPreconditionId.NoListener, missing.Id);
        Assert.Contains("Set-WSManQuickConfig", missing.Message, StringComparison.Ordinal);
        Assert.Contains("WSManListener", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_AcceptsAnHttpsOnlyListener()
    {
        Assert.Empty(WSManPreconditions.Check(new WinRMHostSnapshot { Listeners = new WSManListenerPresence(false, true) }, Windows11));
    }

    [Fact]
    public void Check_AsksForTheUniversalCRuntime_OnlyBeforeWindows10()
    {
        var host = new WinRMHostSnapshot { UniversalCRuntimePresent = false };

        Assert.Equal([WSManPreconditionId.UniversalCRuntimeMissing], WSManPreconditions.Check(host, Windows81).Select(m => m.Id));
        Assert.Empty(WSManPreconditions.Check(host, Windows11));
    }

    [Fact]
    public void Check_ReportsNotElevated_OnlyWhenElevationIsAsked()
    {
        Assert.Equal([WSManPreconditionId.NotElevated], WSManPreconditions.Check(new WinRMHostSnapshot(), Windows11, new FixedElevation(false)).Select(m => m.Id));
        Assert.Empty(WSManPreconditions.Check(new WinRMHostSnapshot(), Windows11));
    }

    [Fact]
    public void ThrowIfAny_UsesTheNotElevatedExitCode_WhenElevationIsAmongTheMissing()
    {
        var host = new WinRMHostSnapshot { Listeners = new WSManListenerPresence(false, false) };

        var both = Assert.Throws<PSRemotingDscException>(() => WSManPreconditions.ThrowIfAny(WSManPreconditions.Check(host, Windows11, new FixedElevation(false))));
        var listenerOnly = Assert.Throws<PSRemotingDscException>(() => WSManPreconditions.ThrowIfAny(WSManPreconditions.Check(host, Windows11)));

        Assert.Equal(ExitCode.NotElevated, both.ExitCode);
        Assert.Contains("[NoListener]", both.Message, StringComparison.Ordinal);
        Assert.Equal(ExitCode.WSManUnavailable, listenerOnly.ExitCode);
        WSManPreconditions.ThrowIfAny([]);
    }

    [Fact]
    public void Snapshot_CannotRestart()
    {
        var error = Assert.Throws<PSRemotingDscException>(() => new WinRMHostSnapshot().Restart(TimeSpan.FromSeconds(1)));

        Assert.Equal(ExitCode.UnsupportedPlatform, error.ExitCode);
    }
}
