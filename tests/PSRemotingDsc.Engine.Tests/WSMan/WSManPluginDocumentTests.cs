using System.Xml.Linq;
using PSRemotingDsc.Endpoints;
using PSRemotingDsc.Tests.WSMan.Plugin;
using PSRemotingDsc.Versions;
using PSRemotingDsc.WSMan.Plugin;
using PSRemotingDsc.WSMan.Security;
using PSRemotingDsc.WSMan;

namespace PSRemotingDsc.Tests.WSMan;

public sealed class WSManPluginDocumentTests
{
    private const string WindowsDirectory = @"C:\Windows";
    private static readonly PowerShellInstallation V746 = new(PowerShellVersion.Parse("7.4.6"), @"C:\Program Files\PowerShell\7.4", @"C:\Program Files\PowerShell\7.4\pwsh.exe", "test");
    private static readonly PowerShellInstallation V769 = new(PowerShellVersion.Parse("7.6.9"), @"C:\Program Files\PowerShell\7", @"C:\Program Files\PowerShell\7\pwsh.exe", "test");
    private static readonly PluginComparisonOptions Options = new() { WindowsDirectory = WindowsDirectory };

    // ---- New ------------------------------------------------------------------------------------------------------

    [Fact]
    public void New_WithoutSettings_IsWhatRegisterPSSessionConfigurationWrites_WithTheQuotaEnablePSRemotingThenSets()
    {
        PluginConfiguration document = WSManPluginDocument.New(new WSManEndpointDesired("PowerShell.7.4.6", true, V746));
        PluginConfiguration byPowerShell = PluginConfiguration.Parse(PluginFixtures.Document(PluginFixtures.WrittenByPowerShell));

        PluginDifference difference = Assert.Single(PluginConfigurationComparison.Compare(byPowerShell, document, Options));
        Assert.Equal(("MaxShellsPerUser", "25"), (difference.Name, difference.Actual));
        Assert.Single(PluginConfigurationComparison.Compare(document, byPowerShell, Options));
        Assert.Equal(DefaultSddl.Remote, document.Resources.Single().Security.Single().Sddl);
        Assert.Equal(int.MaxValue, document.Quotas!.MaxIdleTimeoutms);
    }

    [Fact]
    public void New_AppliesTheUserSettings_OverPowerShellsDefaults()
    {
        var desired = new WSManEndpointDesired("Ops", true, V769,
            SecurityDescriptorSddl: "O:NSG:BAD:P(A;;GA;;;BA)S:P(AU;FA;GA;;;WD)",
            Quotas: new Dictionary<string, long> { ["MaxShellsPerUser"] = 3, ["IdleTimeoutms"] = 60_000 },
            SessionConfigurationFile: @"C:\ops\ops.pssc",
            RunAsVirtualAccount: true);

        PluginConfiguration document = WSManPluginDocument.New(desired);

        Assert.Equal("Ops", document.Name);
        Assert.Equal(@"%windir%\system32\PowerShell\7.6.9\pwrshplugin.dll", document.Filename);
        Assert.Equal("7.6", document.InitializationParameters.PSVersion);
        Assert.Equal(@"C:\ops\ops.pssc", document.InitializationParameters["configfilepath"]);
        Assert.Equal("true", document.RunAsVirtualAccount);
        Assert.Equal("True", document.Enabled);
        Assert.Equal((3L, 60_000L, (long)int.MaxValue), (document.Quotas!.MaxShellsPerUser!.Value, document.Quotas.IdleTimeoutms!.Value, document.Quotas.MaxShells!.Value));
        PluginSecurity security = document.Resources.Single().Security.Single();
        Assert.Equal("O:NSG:BAD:P(A;;GA;;;BA)S:P(AU;FA;GA;;;WD)", security.Sddl);
        Assert.Equal("http://schemas.microsoft.com/powershell/Ops", security.Uri);
    }

    [Theory]
    [InlineData(AccessMode.Local, "True", DefaultSddl.Local)]
    [InlineData(AccessMode.Remote, "True", DefaultSddl.Remote)]
    [InlineData(AccessMode.Disabled, "False", DefaultSddl.Remote)]
    public void New_WithAnAccessMode_WritesTheSddlAndEnabledFlagPowerShellsCmdletsWrite(AccessMode mode, string enabled, string sddl)
    {
        PluginConfiguration document = WSManPluginDocument.New(new WSManEndpointDesired("PowerShell.7", true, V769, AccessMode: mode));

        Assert.Equal(enabled, document.Enabled);
        Assert.True(SecurityDescriptorComparison.AreEquivalent(SddlParser.Parse(sddl), SddlParser.Parse(WSManPluginDocument.SddlOf(document)!)));
    }

    [Fact]
    public void New_WithoutAnInstallation_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => WSManPluginDocument.New(new WSManEndpointDesired("PowerShell.7", true, null)));
    }

    // ---- Enforced -------------------------------------------------------------------------------------------------

    [Fact]
    public void Enforced_WithoutSettings_HoldsOnlyPSVersionAndTheResourceUri()
    {
        PluginConfiguration enforced = WSManPluginDocument.Enforced(new WSManEndpointDesired("PowerShell.7", true, V769));

        Assert.Equal("PowerShell.7", enforced.Name);
        Assert.Null(enforced.Filename);
        Assert.Null(enforced.Enabled);
        Assert.Null(enforced.SDKVersion);
        Assert.Null(enforced.RunAsVirtualAccount);
        Assert.Null(enforced.Quotas);
        Assert.Equal([("PSVersion", "7.6")], enforced.InitializationParameters.Select(p => (p.Name, p.Value)));
        PluginResource resource = Assert.Single(enforced.Resources);
        Assert.Equal("http://schemas.microsoft.com/powershell/PowerShell.7", resource.ResourceUri);
        Assert.Empty(resource.Security);
        Assert.Empty(resource.Capabilities);
    }

    [Fact]
    public void Enforced_HoldsTheDeclaredQuotasAndSettings_AndNothingElse()
    {
        var desired = new WSManEndpointDesired("PowerShell.7", true, V769,
            AccessMode: AccessMode.Local, SecurityDescriptorSddl: DefaultSddl.Local,
            Quotas: new Dictionary<string, long> { ["MaxShells"] = 7 }, SessionConfigurationFile: @"C:\ops\ops.pssc", RunAsVirtualAccount: false);

        PluginConfiguration enforced = WSManPluginDocument.Enforced(desired);

        Assert.Equal([new KeyValuePair<string, long>("MaxShells", 7)], enforced.Quotas!.GetSetQuotas());
        Assert.Equal(["PSVersion", "configfilepath"], enforced.InitializationParameters.Select(p => p.Name));
        Assert.Equal("false", enforced.RunAsVirtualAccount);
        Assert.Null(enforced.Enabled);
        Assert.Empty(enforced.Resources.Single().Security);
    }

    [Fact]
    public void Enforced_ForAnEndpointToRemove_HasNoPSVersion()
    {
        PluginConfiguration enforced = WSManPluginDocument.Enforced(new WSManEndpointDesired("PowerShell.7", false, null));

        Assert.Null(enforced.InitializationParameters.PSVersion);
    }

    // ---- Repair ---------------------------------------------------------------------------------------------------

    [Fact]
    public void Repair_SetsTheEnforcedValues_AndKeepsEverythingElse()
    {
        PluginConfiguration stale = StaleWithForeignSettings();
        string before = stale.ToXml();

        PluginConfiguration repaired = WSManPluginDocument.Repair(stale, new WSManEndpointDesired("PowerShell.7", true, V769));

        Assert.Equal(before, stale.ToXml());
        Assert.Equal(@"%windir%\system32\PowerShell\7.6.9\pwrshplugin.dll", repaired.Filename);
        Assert.Equal("7.6", repaired.InitializationParameters.PSVersion);
        Assert.Equal(@"C:\ops\startup.ps1", repaired.InitializationParameters["startupscript"]);
        Assert.Equal(@"CONTOSO\ops", repaired.RunAsUser);
        Assert.Equal("64", repaired.Architecture);
        Assert.Equal("kept", repaired.AdditionalAttributes.Single(a => a.Name.LocalName == "Custom").Value);
        Assert.Equal(25, repaired.Quotas!.MaxShellsPerUser);
        Assert.Equal(DefaultSddl.Remote, WSManPluginDocument.SddlOf(repaired));
        Assert.Equal("True", repaired.Enabled);
        Assert.Empty(PluginConfigurationComparison.Compare(WSManPluginDocument.Enforced(new WSManEndpointDesired("PowerShell.7", true, V769)), repaired, Options));
    }

    [Fact]
    public void Repair_SetsOnlyTheDeclaredQuota()
    {
        var desired = new WSManEndpointDesired("PowerShell.7", true, V769, Quotas: new Dictionary<string, long> { ["MaxShellsPerUser"] = 2 });

        PluginConfiguration repaired = WSManPluginDocument.Repair(StaleWithForeignSettings(), desired);

        Assert.Equal(2, repaired.Quotas!.MaxShellsPerUser);
        Assert.Equal(7_200_000, repaired.Quotas.IdleTimeoutms);
        Assert.Equal(int.MaxValue, repaired.Quotas.MaxShells);
    }

    [Fact]
    public void Repair_WithAccessModeLocal_AddsTheNetworkDenyToTheCurrentSddl_KeepingItsOtherAces()
    {
        PluginConfiguration actual = StaleWithForeignSettings();
        actual.Resources.Single().Security.Single().Sddl = "O:NSG:BAD:P(A;;GA;;;BA)(A;;GR;;;S-1-5-21-1-2-3-1001)S:P(AU;FA;GA;;;WD)";

        PluginConfiguration repaired = WSManPluginDocument.Repair(actual, new WSManEndpointDesired("PowerShell.7", true, V769, AccessMode: AccessMode.Local));

        SecurityDescriptor written = SddlParser.Parse(WSManPluginDocument.SddlOf(repaired)!);
        Assert.True(AccessModeRules.HasNetworkDeny(written));
        Assert.True(SecurityDescriptorComparison.AreEquivalent(
            SddlParser.Parse("O:NSG:BAD:P(D;;GA;;;NU)(A;;GA;;;BA)(A;;GR;;;S-1-5-21-1-2-3-1001)S:P(AU;FA;GA;;;WD)"), written));
    }

    [Fact]
    public void Repair_OfADisabledEndpoint_WithoutAnAccessMode_EnablesIt_AndKeepsTheSddl()
    {
        PluginConfiguration actual = StaleWithForeignSettings();
        actual.Enabled = "false";
        actual.Resources.Single().Security.Single().Sddl = DefaultSddl.Local;

        PluginConfiguration repaired = WSManPluginDocument.Repair(actual, new WSManEndpointDesired("PowerShell.7", true, V769));

        Assert.Equal("True", repaired.Enabled);
        Assert.Equal(DefaultSddl.Local, WSManPluginDocument.SddlOf(repaired));
    }

    [Fact]
    public void Repair_MovesAForeignResourceUriToTheEndpointsOwn()
    {
        PluginConfiguration actual = StaleWithForeignSettings();
        actual.Resources.Single().ResourceUri = "http://schemas.microsoft.com/powershell/Other";
        actual.Resources.Single().Security.Single().Uri = "http://schemas.microsoft.com/powershell/Other";

        PluginConfiguration repaired = WSManPluginDocument.Repair(actual, new WSManEndpointDesired("PowerShell.7", true, V769));

        PluginResource resource = Assert.Single(repaired.Resources);
        Assert.Equal("http://schemas.microsoft.com/powershell/PowerShell.7", resource.ResourceUri);
        Assert.Equal("http://schemas.microsoft.com/powershell/PowerShell.7", resource.Security.Single().Uri);
        Assert.Equal(DefaultSddl.Remote, resource.Security.Single().Sddl);
        Assert.Equal(["Shell"], resource.Capabilities.Select(c => c.Type));
    }

    [Fact]
    public void Repair_OfADocumentWithoutResources_AddsTheShellResource()
    {
        var actual = PluginConfiguration.Parse(
            "<PlugInConfiguration xmlns='http://schemas.microsoft.com/wbem/wsman/1/config/PluginConfiguration' Name='PowerShell.7' Filename='x.dll' />");

        PluginConfiguration repaired = WSManPluginDocument.Repair(actual, new WSManEndpointDesired("PowerShell.7", true, V769, SecurityDescriptorSddl: DefaultSddl.Remote));

        PluginResource resource = Assert.Single(repaired.Resources);
        Assert.Equal(["Shell"], resource.Capabilities.Select(c => c.Type));
        Assert.Equal(DefaultSddl.Remote, resource.Security.Single().Sddl);
    }

    // ---- IsEnabled, SddlOf ----------------------------------------------------------------------------------------

    [Theory]
    [InlineData(null, true)]
    [InlineData("True", true)]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("False", false)]
    public void IsEnabled_TreatsAMissingFlagAsEnabled_LikeWinRM(string? enabled, bool expected)
    {
        Assert.Equal(expected, WSManPluginDocument.IsEnabled(new PluginConfiguration("x") { Enabled = enabled }));
    }

    [Fact]
    public void SddlOf_ReadsTheEndpointsOwnResource()
    {
        var document = new PluginConfiguration("PowerShell.7");
        var other = new PluginResource("http://schemas.microsoft.com/powershell/Other");
        other.Security.Add(new PluginSecurity { Sddl = DefaultSddl.Local });
        var own = new PluginResource("http://schemas.microsoft.com/powershell/PowerShell.7");
        own.Security.Add(new PluginSecurity { Sddl = DefaultSddl.Remote });
        document.Resources.Add(other);
        document.Resources.Add(own);

        Assert.Equal(DefaultSddl.Remote, WSManPluginDocument.SddlOf(document));
        Assert.Null(WSManPluginDocument.SddlOf(new PluginConfiguration("PowerShell.7")));
    }

    /// <summary>The stale 7.2.19 fixture with what an operator may have added: RunAsUser, a startup script, an unknown attribute.</summary>
    private static PluginConfiguration StaleWithForeignSettings()
    {
        PluginConfiguration document = PluginConfiguration.Parse(PluginFixtures.Document(PluginFixtures.Stale72));
        document.RunAsUser = @"CONTOSO\ops";
        document.InitializationParameters.Set("startupscript", @"C:\ops\startup.ps1");
        document.AdditionalAttributes.Add(new XAttribute("Custom", "kept"));
        return document;
    }
}
