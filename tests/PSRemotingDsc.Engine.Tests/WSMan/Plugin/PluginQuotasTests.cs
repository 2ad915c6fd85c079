using PSRemotingDsc.WSMan.Plugin;

namespace PSRemotingDsc.Tests.WSMan.Plugin;

public class PluginQuotasTests
{
    [Fact]
    public void RegisterDefaults_AreWhatPowerShellWrites()
    {
        var quotas = PluginQuotas.CreateRegisterDefaults();

        Assert.Equal(
            [
                new("IdleTimeoutms", 7_200_000),
                new("MaxConcurrentUsers", int.MaxValue),
                new("MaxProcessesPerShell", int.MaxValue),
                new("MaxMemoryPerShellMB", int.MaxValue),
                new("MaxShellsPerUser", int.MaxValue),
                new("MaxConcurrentCommandsPerShell", int.MaxValue),
                new("MaxShells", int.MaxValue),
                new KeyValuePair<string, long>("MaxIdleTimeoutms", int.MaxValue),
            ],
            quotas.GetSetQuotas());
    }

    [Fact]
    public void EnablePSRemotingDefaults_Set25ShellsPerUser_AndTheMaximumIdleTimeout()
    {
        var quotas = PluginQuotas.CreateEnablePSRemotingDefaults();

        Assert.Equal(25, quotas.MaxShellsPerUser);
        Assert.Equal(2_147_483_647, quotas.MaxIdleTimeoutms);
        Assert.Equal(7_200_000, quotas.IdleTimeoutms);
    }

    [Fact]
    public void TheIndexer_AcceptsOnlyQuotaNames_AndNullUnsets()
    {
        var quotas = new PluginQuotas { MaxShells = 3 };

        Assert.Equal(3, quotas["MaxShells"]);
        quotas["MaxShells"] = null;
        Assert.True(quotas.IsEmpty);
        Assert.Throws<ArgumentException>(() => quotas["maxshells"]);
        Assert.Throws<ArgumentException>(() => quotas["MaxConcurrentOperationsPerUser"] = 1);
    }

    [Fact]
    public void AnEmptyQuotasElement_IsWrittenAsPowerShellDoesWithoutQuotas()
    {
        var configuration = new PluginConfiguration("X") { Quotas = new PluginQuotas() };

        Assert.EndsWith("  </Resources>\r\n  \r\n</PlugInConfiguration>\r\n", configuration.ToXml(), StringComparison.Ordinal);
    }
}
