using PSRemotingDsc.WSMan.Security;

namespace PSRemotingDsc.Tests.WSMan.Security;

public class DefaultSddlTests
{
    [Theory]
    [InlineData(DefaultSddl.Remote, "powershell-remote-win8.sddl")]
    [InlineData(DefaultSddl.Local, "powershell-local-win8.sddl")]
    [InlineData(DefaultSddl.RemotePreWindows8, "powershell-remote-prewin8.sddl")]
    [InlineData(DefaultSddl.LocalPreWindows8, "powershell-local-prewin8.sddl")]
    [InlineData(DefaultSddl.InstallPowerShellRemotingScript, "install-powershellremoting.sddl")]
    public void TheConstants_AreThePowerShellValuesRecordedInTheFixtures(string constant, string fixture)
    {
        Assert.Equal(SddlFixtures.Sddl(fixture), constant);
    }
}
