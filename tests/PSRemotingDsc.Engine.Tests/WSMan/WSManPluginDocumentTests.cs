using System.Xml.Linq;
using PSRemotingDsc.Drift;
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
    private static readonly PowerShellInstallation V760 = new(PowerShellVersion.Parse("7.6.0"), @"C:\Program Files\PowerShell\7", @"C:\Program Files\PowerShell\7\pwsh.exe", "test");
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
        Assert.Equal([("ConfigFilePath", @"C:\ops\ops.pssc"), ("PSVersion", "7.6")], document.InitializationParameters.Select(p => (p.Name, p.Value)));
        Assert.Equal("True", document.RunAsVirtualAccount);
        Assert.Equal("True", document.Enabled);
        Assert.Equal((3L, 60_000L, (long)int.MaxValue), (document.Quotas!.MaxShellsPerUser!.Value, document.Quotas.IdleTimeoutms!.Value, document.Quotas.MaxShells!.Value));
        PluginSecurity security = document.Resources.Single().Security.Single();
        Assert.Equal("O:NSG:BAD:P(A;;GA;;;BA)S:P(AU;FA;GA;;;WD)", security.Sddl);
        Assert.Equal("http://schemas.microsoft.com/powershell/Ops", security.Uri);
    }

    [Theory]
    [InlineData(AccessMode.Local, "True", DefaultSddl.Local)]
    [InlineData(AccessMode.Remote, "True", DefaultSddl.Remote)]
    public void New_WithAnAccessMode_WritesTheSddlAndEnabledFlagPowerShellsCmdletsWrite(AccessMode mode, string enabled, string sddl)
    {
        PluginConfiguration document = WSManPluginDocument.New(new WSManEndpointDesired("PowerShell.7", true, V769, AccessMode: mode));

        Assert.Equal(enabled, document.Enabled);
        Assert.True(SecurityDescriptorComparison.AreEquivalent(SddlParser.Parse(sddl), SddlParser.Parse(WSManPluginDocument.SddlOf(document)!)));
    }

    // Register-PSSessionConfiguration -AccessMode Disabled takes no default SDDL (CustomShellCommands.cs 444–456), so
    // it writes no <Security> element (1100–1107) and Enabled='False' (1155–1157).
    [Fact]
    public void New_Disabled_WithoutAnSddl_IsByteForByteWhatRegisterPSSessionConfigurationWrites()
    {
        PluginConfiguration document = WSManPluginDocument.New(new WSManEndpointDesired("Ops", true, V760, AccessMode: AccessMode.Disabled));

        Assert.Equal("False", document.Enabled);
        Assert.Empty(document.Resources.Single().Security);
        Assert.Null(WSManPluginDocument.SddlOf(document));
        document.Quotas!.MaxShellsPerUser = int.MaxValue; // Register's default; New applies Enable-PSRemoting's 25.
        Assert.Equal(PluginFixtures.Document(PluginFixtures.RegisterDisabled), document.ToXml());
    }

    [Fact]
    public void New_Disabled_WithAnSddl_WritesTheSecurityElement()
    {
        PluginConfiguration document = WSManPluginDocument.New(
            new WSManEndpointDesired("Ops", true, V760, AccessMode: AccessMode.Disabled, SecurityDescriptorSddl: DefaultSddl.Local));

        Assert.Equal("False", document.Enabled);
        Assert.True(SecurityDescriptorComparison.AreEquivalent(SddlParser.Parse(DefaultSddl.Local), SddlParser.Parse(WSManPluginDocument.SddlOf(document)!)));
    }

    // -Path writes ConfigFilePath (ConfigurationDataFromXML.CONFIGFILEPATH_CamelCase) before PSVersion
    // (CustomShellCommands.cs 991–995, 1081–1085); RunAsVirtualAccount='True' only when true (305–306, 1136–1142).
    [Fact]
    public void New_WithAConfigurationFileAndAVirtualAccount_IsByteForByteWhatRegisterPSSessionConfigurationWrites()
    {
        const string copied = @"C:\Program Files\PowerShell\7\SessionConfig\Ops_5d2b5a4e-7d3c-4f0e-9a7b-2c1d3e4f5a6b.pssc";
        PluginConfiguration document = WSManPluginDocument.New(
            new WSManEndpointDesired("Ops", true, V760, SessionConfigurationFile: copied, RunAsVirtualAccount: true));

        document.Quotas!.MaxShellsPerUser = int.MaxValue;
        Assert.Equal(PluginFixtures.Document(PluginFixtures.RegisterPsscVirtualAccount), document.ToXml());
    }

    [Fact]
    public void New_WithoutAVirtualAccount_OmitsTheAttribute_AsPowerShellDoes()
    {
        PluginConfiguration document = WSManPluginDocument.New(new WSManEndpointDesired("Ops", true, V760, RunAsVirtualAccount: false));

        Assert.Null(document.RunAsVirtualAccount);
        Assert.DoesNotContain("RunAsVirtualAccount", document.ToXml(), StringComparison.Ordinal);
    }

    /// <summary>
    /// The gMSA of the file is registered as Register-PSSessionConfiguration registers it: the plugin is created, then
    /// <c>set-item …\RunAsUser</c> with the credential of CreateGMSAAccountCredentials (CustomShellCommands.cs 123–129,
    /// 536–539, 1385–1388: 'DOMAIN\name$', empty password), which writes RunAsUser and RunAsPassword.
    /// </summary>
    [Fact]
    public void New_WithAGroupManagedServiceAccount_RunsAsIt_WithAnEmptyPassword_AndNoVirtualAccount()
    {
        PluginConfiguration document = WSManPluginDocument.New(new WSManEndpointDesired("Ops", true, V769, RunAsUser: @"CONTOSO\JEAgMSA$"));
        PluginConfiguration read = PluginConfiguration.Parse(document.ToXml());

        Assert.Equal(@"CONTOSO\JEAgMSA$", read.RunAsUser);
        Assert.Equal(string.Empty, read.RunAsPassword);
        Assert.Null(read.RunAsVirtualAccount);
        Assert.Contains(" RunAsUser='CONTOSO\\JEAgMSA$' RunAsPassword=''", document.ToXml(), StringComparison.Ordinal);
        Assert.Null(WSManPluginDocument.New(new WSManEndpointDesired("Ops", true, V769)).RunAsUser);
    }

    /// <summary>The enforced document compares RunAsUser only: WinRM keeps the password write-only.</summary>
    [Fact]
    public void Enforced_WithAGroupManagedServiceAccount_HoldsTheRunAsUser_ButNoPassword()
    {
        PluginConfiguration enforced = WSManPluginDocument.Enforced(new WSManEndpointDesired("Ops", true, V769, RunAsUser: @"CONTOSO\JEAgMSA$"));

        Assert.Equal(@"CONTOSO\JEAgMSA$", enforced.RunAsUser);
        Assert.Null(enforced.RunAsPassword);
    }

    /// <summary>Set-PSSessionConfiguration's SetRunAs (3555–3575): the gMSA credential replaces the account and its password.</summary>
    [Fact]
    public void Repair_WithAGroupManagedServiceAccount_ReplacesTheRunAsUserAndItsPassword()
    {
        var desired = new WSManEndpointDesired("Ops", true, V769, RunAsUser: @"CONTOSO\JEAgMSA$");
        PluginConfiguration actual = WSManPluginDocument.New(desired with { RunAsUser = null });
        actual.RunAsUser = @"CONTOSO\Other";
        actual.RunAsPassword = "secret";

        PluginConfiguration repaired = WSManPluginDocument.Repair(actual, desired);

        Assert.Equal(@"CONTOSO\JEAgMSA$", repaired.RunAsUser);
        Assert.Equal(string.Empty, repaired.RunAsPassword);
        Assert.Equal(@"CONTOSO\Other", WSManPluginDocument.Repair(actual, desired with { RunAsUser = null }).RunAsUser);
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
        Assert.Equal(["PSVersion", "ConfigFilePath"], enforced.InitializationParameters.Select(p => p.Name));
        Assert.Equal("False", enforced.RunAsVirtualAccount);
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

    [Fact]
    public void Repair_Disabled_WithoutAnSddl_OfAPluginWithoutSecurity_AddsNone()
    {
        PluginConfiguration actual = PluginConfiguration.Parse(PluginFixtures.Document(PluginFixtures.RegisterDisabled));
        actual.Filename = @"%windir%\system32\PowerShell\7.4.6\pwrshplugin.dll";

        PluginConfiguration repaired = WSManPluginDocument.Repair(actual, new WSManEndpointDesired("Ops", true, V760, AccessMode: AccessMode.Disabled));

        Assert.Equal("False", repaired.Enabled);
        Assert.Empty(repaired.Resources.Single().Security);
        Assert.Equal(@"%windir%\system32\PowerShell\7.6.0\pwrshplugin.dll", repaired.Filename);
    }

    [Fact]
    public void Repair_Disabled_KeepsAnExistingSddl_AsSetPSSessionConfigurationDoes()
    {
        PluginConfiguration actual = StaleWithForeignSettings();
        actual.Resources.Single().Security.Single().Sddl = DefaultSddl.Local;

        PluginConfiguration repaired = WSManPluginDocument.Repair(actual, new WSManEndpointDesired("PowerShell.7", true, V769, AccessMode: AccessMode.Disabled));

        Assert.Equal("False", repaired.Enabled);
        Assert.True(SecurityDescriptorComparison.AreEquivalent(SddlParser.Parse(DefaultSddl.Local), SddlParser.Parse(WSManPluginDocument.SddlOf(repaired)!)));
    }

    [Fact]
    public void Repair_OfAConfigFilePathSpelledInLowerCase_UpdatesItInPlace_WithoutADuplicate()
    {
        PluginConfiguration actual = StaleWithForeignSettings();
        actual.InitializationParameters.Insert(0, "configfilepath", @"C:\old.pssc");

        PluginConfiguration repaired = WSManPluginDocument.Repair(actual, new WSManEndpointDesired("PowerShell.7", true, V769, SessionConfigurationFile: @"C:\new.pssc"));

        Assert.Equal([("configfilepath", @"C:\new.pssc")], repaired.InitializationParameters.Where(p => p.Name.Equals("ConfigFilePath", StringComparison.OrdinalIgnoreCase)).Select(p => (p.Name, p.Value)));
    }

    [Theory]
    [InlineData(null, false, null)]
    [InlineData("false", false, "false")]
    [InlineData("true", false, null)]
    [InlineData("true", true, "True")]
    [InlineData(null, true, "True")]
    public void Repair_WritesRunAsVirtualAccount_TrueAsPowerShell_AndFalseByKeepingOrDroppingTheAttribute(string? actualValue, bool desired, string? expected)
    {
        PluginConfiguration actual = StaleWithForeignSettings();
        actual.RunAsVirtualAccount = actualValue;

        PluginConfiguration repaired = WSManPluginDocument.Repair(actual, new WSManEndpointDesired("PowerShell.7", true, V769, RunAsVirtualAccount: desired));

        Assert.Equal(expected, repaired.RunAsVirtualAccount);
        Assert.Equal(desired, WSManPluginDocument.RunsAsVirtualAccount(repaired));
    }

    // ---- No drift on what PowerShell wrote -------------------------------------------------------------------------

    public static TheoryData<string, WSManEndpointDesired> PowerShellWritten => new()
    {
        { PluginFixtures.RegisterDisabled, new WSManEndpointDesired("Ops", true, V760, AccessMode: AccessMode.Disabled, RunAsVirtualAccount: false) },
        {
            PluginFixtures.RegisterPsscVirtualAccount,
            new WSManEndpointDesired("Ops", true, V760, AccessMode: AccessMode.Remote,
                SessionConfigurationFile: @"C:\Program Files\PowerShell\7\SessionConfig\Ops_5d2b5a4e-7d3c-4f0e-9a7b-2c1d3e4f5a6b.pssc", RunAsVirtualAccount: true)
        },
        { PluginFixtures.WrittenByPowerShell, new WSManEndpointDesired("PowerShell.7.4.6", true, V746, AccessMode: AccessMode.Remote, RunAsVirtualAccount: false) },
    };

    [Theory]
    [MemberData(nameof(PowerShellWritten))]
    public void APluginAsPowerShellWritesIt_ShowsNoDrift(string fixture, WSManEndpointDesired desired)
    {
        PluginConfiguration actual = PluginConfiguration.Parse(PluginFixtures.Document(fixture), fixture);

        Assert.Empty(PluginConfigurationComparison.Compare(WSManPluginDocument.Enforced(desired), actual, Options));
        // The copy of a session configuration file is checked on disk (WSManSessionConfigurationTests); this observation has none.
        Assert.DoesNotContain(
            new WSManDriftAnalyzer(WindowsDirectory).Analyze(desired, new WSManEndpointObservation(desired.Name, actual, null, null, null, null, [])),
            reason => !reason.Is(ReasonId.SessionConfigurationCopyDiffers));
    }

    [Fact]
    public void APluginWithTheLowerCaseConfigFilePath_ShowsNoDrift_AndIsReadBack()
    {
        PluginConfiguration actual = PluginConfiguration.Parse(
            PluginFixtures.Document(PluginFixtures.RegisterPsscVirtualAccount).Replace("Name='ConfigFilePath'", "Name='configfilepath'", StringComparison.Ordinal));
        var desired = new WSManEndpointDesired("Ops", true, V760,
            SessionConfigurationFile: @"C:\Program Files\PowerShell\7\SessionConfig\Ops_5d2b5a4e-7d3c-4f0e-9a7b-2c1d3e4f5a6b.pssc");

        Assert.Equal(desired.SessionConfigurationFile, actual.InitializationParameters[WSManPluginDocument.ConfigFilePathParameter]);
        Assert.Empty(PluginConfigurationComparison.Compare(WSManPluginDocument.Enforced(desired), actual, Options));
    }

    [Fact]
    public void AVirtualAccountDeclaredButMissing_IsDrift()
    {
        PluginConfiguration actual = PluginConfiguration.Parse(PluginFixtures.Document(PluginFixtures.RegisterDisabled));

        PluginDifference difference = Assert.Single(PluginConfigurationComparison.Compare(
            WSManPluginDocument.Enforced(new WSManEndpointDesired("Ops", true, V760, RunAsVirtualAccount: true)), actual, Options));

        Assert.Equal(("RunAsVirtualAccount", "True", null), (difference.Name, difference.Expected, difference.Actual));
    }

    // ---- IsEnabled, SddlOf, RunsAsVirtualAccount ----------------------------------------------------------------------------------------

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

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("false", false)]
    [InlineData("True", true)]
    [InlineData("true", true)]
    public void RunsAsVirtualAccount_TreatsAMissingAttributeAsFalse(string? value, bool expected)
    {
        Assert.Equal(expected, WSManPluginDocument.RunsAsVirtualAccount(new PluginConfiguration("x") { RunAsVirtualAccount = value }));
    }

    [Theory]
    [InlineData(PluginFixtures.RegisterDisabled, AccessMode.Disabled)]
    [InlineData(PluginFixtures.RegisterPsscVirtualAccount, AccessMode.Remote)]
    [InlineData(PluginFixtures.WrittenByPowerShell, AccessMode.Remote)]
    public void AccessModeOf_ReadsWhatPowerShellWrote_DisabledWithoutASecurityElementIncluded(string fixture, AccessMode expected)
    {
        Assert.Equal(expected, WSManPluginDocument.AccessModeOf(PluginConfiguration.Parse(PluginFixtures.Document(fixture))));
    }

    [Fact]
    public void AccessModeOf_AnEnabledPluginWithoutAnSddl_IsUnknown()
    {
        PluginConfiguration document = PluginConfiguration.Parse(PluginFixtures.Document(PluginFixtures.RegisterDisabled));
        document.Enabled = "True";

        Assert.Null(WSManPluginDocument.AccessModeOf(document));
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
