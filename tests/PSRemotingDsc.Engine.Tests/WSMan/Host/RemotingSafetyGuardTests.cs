using PSRemotingDsc.Errors;
using PSRemotingDsc.WSMan.Host;

namespace PSRemotingDsc.Tests.WSMan.Host;

public sealed class RemotingSafetyGuardTests
{
    private sealed record Session(bool IsInsideWinRMSession, string? EndpointName, string Evidence = "test") : IRemotingSessionContext;

    [Fact]
    public void RestartingWinRM_FromInsideASession_NeedsForce()
    {
        var error = Assert.Throws<PSRemotingDscException>(() => RemotingSafetyGuard.EnsureCanRestartWinRM(new Session(true, null), force: false));

        Assert.Equal(ExitCode.EndpointProtected, error.ExitCode);
        RemotingSafetyGuard.EnsureCanRestartWinRM(new Session(true, null), force: true);
        RemotingSafetyGuard.EnsureCanRestartWinRM(new Session(false, null), force: false);
    }

    [Fact]
    public void TheEndpointCarryingTheSession_IsProtected_OthersAreNot()
    {
        var session = new Session(true, "PowerShell.7");

        Assert.Throws<PSRemotingDscException>(() => RemotingSafetyGuard.EnsureCanRemoveOrReplace("powershell.7", session, force: false));
        RemotingSafetyGuard.EnsureCanRemoveOrReplace("PowerShell.7.4.6", session, force: false);
        RemotingSafetyGuard.EnsureCanRemoveOrReplace("PowerShell.7", session, force: true);
    }

    [Fact]
    public void EveryEndpoint_IsProtected_WhenTheSessionsEndpointIsUnknown()
    {
        Assert.NotNull(RemotingSafetyGuard.ProtectionReason("PowerShell.7.4.6", new Session(true, null)));
    }

    [Fact]
    public void MicrosoftPowerShell_IsProtected_EvenOutsideASession()
    {
        string? reason = RemotingSafetyGuard.ProtectionReason("Microsoft.PowerShell", new Session(false, null));

        Assert.Contains("default endpoint", reason, StringComparison.Ordinal);
        Assert.Null(RemotingSafetyGuard.ProtectionReason("PowerShell.7", new Session(false, null)));
    }
}
