using PSRemotingDsc.Errors;
using PSRemotingDsc.WSMan.Plugin;

namespace PSRemotingDsc.Tests.WSMan.Plugin;

public class PluginQuotaLimitsTests
{
    [Fact]
    public void EveryQuota_HasARange()
    {
        Assert.Equal(PluginQuotas.Names.Order(StringComparer.Ordinal), PluginQuotaLimits.Ranges.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheDefaultsOfPowerShellEnablePSRemotingAndTheInstallScript_AreAccepted()
    {
        PluginQuotaLimits.Validate(PluginQuotas.CreateRegisterDefaults(), "PowerShell.7.4.6");
        PluginQuotaLimits.Validate(PluginQuotas.CreateEnablePSRemotingDefaults(), "PowerShell.7.4.6");
        PluginQuotaLimits.Validate(PluginConfiguration.Parse(PluginFixtures.Text(PluginFixtures.InstallScript)).Quotas!, "PowerShell.7");
        PluginQuotaLimits.Validate(new PluginQuotas(), "Empty");
    }

    [Theory]
    [InlineData("IdleTimeoutms", 60_000, true)]
    [InlineData("IdleTimeoutms", 59_999, false)]
    [InlineData("MaxIdleTimeoutms", 60_000, true)]
    [InlineData("MaxIdleTimeoutms", 59_999, false)]
    [InlineData("MaxIdleTimeoutms", 2_147_483_648, false)]
    [InlineData("MaxConcurrentUsers", 0, false)]
    [InlineData("MaxConcurrentUsers", 1, true)]
    [InlineData("MaxMemoryPerShellMB", 4, false)]
    [InlineData("MaxMemoryPerShellMB", 5, true)]
    [InlineData("MaxShellsPerUser", 0, false)]
    [InlineData("MaxShells", 2_147_483_647, true)]
    [InlineData("MaxShells", 2_147_483_648, false)]
    [InlineData("MaxProcessesPerShell", 0, false)]
    [InlineData("MaxConcurrentCommandsPerShell", 0, false)]
    public void Validate_AcceptsTheBoundsAndRejectsPastThem(string quota, long value, bool accepted)
    {
        var quotas = new PluginQuotas { [quota] = value };
        if (quota == "IdleTimeoutms")
        {
            quotas.MaxIdleTimeoutms = int.MaxValue;
        }

        var error = Record.Exception(() => PluginQuotaLimits.Validate(quotas, "PowerShell.7"));

        if (accepted)
        {
            Assert.Null(error);
            return;
        }

        var outOfRange = Assert.IsType<PSRemotingDscException>(error);
        Assert.Equal("QuotaOutOfRange", outOfRange.ErrorId);
        Assert.Equal(ExitCode.QuotaOutOfRange, outOfRange.ExitCode);
        var range = PluginQuotaLimits.Ranges[quota];
        Assert.Equal(
            $"Quota '{quota}' of endpoint 'PowerShell.7' is {value}, outside the range WinRM accepts ({range.Minimum} to {range.Maximum}). Use a value from {range.Minimum} to {range.Maximum}.",
            outOfRange.Message);
    }

    [Fact]
    public void Validate_RejectsAnIdleTimeoutAboveTheMaximumIdleTimeout()
    {
        var quotas = new PluginQuotas { IdleTimeoutms = 7_200_000, MaxIdleTimeoutms = 3_600_000 };

        var error = Assert.Throws<PSRemotingDscException>(() => PluginQuotaLimits.Validate(quotas, "PowerShell.7"));

        Assert.Equal(ExitCode.QuotaOutOfRange, error.ExitCode);
        Assert.Contains("'IdleTimeoutms' of endpoint 'PowerShell.7' is 7200000, more than 'MaxIdleTimeoutms' (3600000)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void QuotaRange_SaysItsBounds()
    {
        Assert.Equal("60000 to 2147483647", PluginQuotaLimits.Ranges["IdleTimeoutms"].ToString());
    }
}
