using System.Text;
using System.Xml.Linq;
using PSRemotingDsc.Diagnostics;
using PSRemotingDsc.Drift;
using PSRemotingDsc.Endpoints;
using PSRemotingDsc.Errors;
using PSRemotingDsc.Platform;
using PSRemotingDsc.Resource;
using PSRemotingDsc.Ssh;
using PSRemotingDsc.Tests.WSMan.Plugin;
using PSRemotingDsc.Versions;
using PSRemotingDsc.WSMan.Host;
using PSRemotingDsc.WSMan.Plugin;
using PSRemotingDsc.WSMan.Security;
using PSRemotingDsc.WSMan;

namespace PSRemotingDsc.Tests.Resource;

/// <summary>
/// The WSMan transport through the public <see cref="EndpointResource"/>, against a whole Windows machine image under a
/// temp root (<see cref="WSManEnvironment.ForImage"/>): plugin folders and the plugin registry are real files, the
/// PowerShell installations are fixture installations that ship a pwrshplugin.dll.
/// </summary>
public sealed class WSManEndpointOperationsTests : IDisposable
{
    private static readonly XNamespace Ns = PluginConfiguration.Namespace;
    private static readonly DateTime LongAgo = new(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    private readonly TempDirectory _dir = new();
    private readonly WindowsImage _image;
    private readonly string _v7219;
    private readonly string _v746;
    private readonly string _v769;
    private readonly string _preview;
    private readonly FixedInstallationSource _installations;

    public WSManEndpointOperationsTests()
    {
        _image = new WindowsImage(_dir.Combine("image"));
        string root = _dir.Combine("powershell");
        _v7219 = FixtureInstallation.CreateWithPlugin(root, "7.2.19");
        _v746 = FixtureInstallation.CreateWithPlugin(root, "7.4.6");
        _v769 = FixtureInstallation.CreateWithPlugin(root, "7.6.9", "7");
        _preview = FixtureInstallation.CreateWithPlugin(root, "7.7.0-preview.1", "7-preview");
        _installations = new FixedInstallationSource(_v7219, _v746, _v769, _preview);
    }

    public void Dispose() => _dir.Dispose();

    // ---- set: what is created ------------------------------------------------------------------------------------

    [Fact]
    public void Set_ForSpec7_RegistersPowerShell7_BoundToTheHighestStableInstallation_LikeEnablePSRemoting()
    {
        OperationResult result = Resource().Set(Props("7"), whatIf: false);

        Assert.Equal("PowerShell.7", result.State.Name);
        Assert.True(result.State.Exist);
        Assert.Empty(result.State.Reasons);
        Assert.Equal(["_exist"], result.Properties);
        PluginConfiguration written = Registered("PowerShell.7");
        Assert.Equal(@"%windir%\system32\PowerShell\7.6.9\pwrshplugin.dll", written.Filename);
        Assert.Equal("7.6", written.InitializationParameters.PSVersion);
        Assert.Equal("http://schemas.microsoft.com/powershell/PowerShell.7", Assert.Single(written.Resources).ResourceUri);
        AssertPluginPath("7.6.9", result.State.PluginPath);
        Assert.Equal(_v769, result.State.PSHome);
        Assert.Equal(AccessMode.Remote, result.State.AccessMode);
    }

    [Theory]
    [InlineData("7.4", "PowerShell.7.4", "7.4.6", "7.4")]
    [InlineData("7.4.6", "PowerShell.7.4.6", "7.4.6", "7.4")]
    [InlineData("7-preview", "PowerShell.7-preview", "7.7.0-preview.1", "7.7")]
    public void Set_NamesTheEndpointAfterTheSpec_AndLoadsThePluginCopyOfTheResolvedVersion(string spec, string name, string folder, string psVersion)
    {
        Resource().Set(Props(spec), whatIf: false);

        PluginConfiguration written = Registered(name);
        Assert.Equal($@"%windir%\system32\PowerShell\{folder}\pwrshplugin.dll", written.Filename);
        Assert.Equal(psVersion, written.InitializationParameters.PSVersion);
        Assert.NotNull(written.FindResource("http://schemas.microsoft.com/powershell/" + name));
        Assert.True(File.Exists(Path.Join(_image.PluginFolder(folder), "pwrshplugin.dll")));
        Assert.Equal([name], Directory.GetDirectories(_image.PluginRegistry).Select(Path.GetFileName));
    }

    [Fact]
    public void Set_WritesTheConfigXmlPowerShellWritesFor746_PlusTheQuotaEnablePSRemotingSets()
    {
        Resource().Set(Props("7.4.6"), whatIf: false);

        PluginConfiguration written = Registered("PowerShell.7.4.6");
        PluginConfiguration byPowerShell = PluginConfiguration.Parse(PluginFixtures.Document(PluginFixtures.WrittenByPowerShell));
        PluginConfiguration byWinRM = PluginConfiguration.Parse(PluginFixtures.Document(PluginFixtures.StoredByWinRM));
        var options = new PluginComparisonOptions { WindowsDirectory = _image.WindowsDirectory };

        // Register-PSSessionConfiguration writes MaxShellsPerUser 2147483647; Enable-PSRemoting then sets it to 25.
        PluginDifference quota = Assert.Single(PluginConfigurationComparison.Compare(byPowerShell, written, options));
        Assert.Equal(("MaxShellsPerUser", "2147483647", "25"), (quota.Name, quota.Expected, quota.Actual));
        Assert.Equal([quota.Path], PluginConfigurationComparison.Compare(written, byPowerShell, options).Select(d => d.Path));
        Assert.Empty(PluginConfigurationComparison.Compare(written, byWinRM, options));
        Assert.Equal(WSManPluginSddl(byPowerShell), WSManPluginSddl(written));
    }

    [Fact]
    public void Set_ProvisionsThePluginFolder_WithThePSHomePlugin_AndACrlfConfig()
    {
        Resource().Set(Props("7"), whatIf: false);

        string folder = _image.PluginFolder("7.6.9");
        Assert.Equal(File.ReadAllBytes(Path.Join(_v769, "pwrshplugin.dll")), File.ReadAllBytes(Path.Join(folder, "pwrshplugin.dll")));
        Assert.Equal(Encoding.ASCII.GetBytes($"PSHOMEDIR={_v769}\r\nCORECLRDIR={_v769}\r\n"), File.ReadAllBytes(Path.Join(folder, "RemotePowerShellConfig.txt")));
        Assert.Equal(["RemotePowerShellConfig.txt", "pwrshplugin.dll"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Set_IsNoOp_TheSecondTime_AndTouchesNoFile()
    {
        EndpointResource resource = Resource();
        resource.Set(Props("7") with { Restart = RestartPolicy.Never }, whatIf: false);
        _image.AgeAllFiles(LongAgo);
        IReadOnlyList<string> before = _image.Listing();

        OperationResult second = resource.Set(Props("7"), whatIf: false);

        Assert.Equal(before, _image.Listing());
        Assert.Empty(second.Changes);
        Assert.Empty(second.Properties);
        Assert.Empty(second.State.RestartRequired);
        Assert.Null(second.State.ReloadOutcome);
        Assert.True(resource.Test(Props("7")).State.InDesiredState);
    }

    // ---- deep drift: each a reason with its stable code, then repaired by set -----------------------------------

    [Fact]
    public void Drift_EndpointDisabled_IsReported_AndSetEnablesIt()
    {
        AssertDriftRepaired(Props("7"), () => EditRegistration("PowerShell.7", root => root.SetAttributeValue("Enabled", "false")),
            [ReasonId.EndpointDisabled], ["accessMode"]);

        Assert.Equal("True", Registered("PowerShell.7").Enabled);
    }

    [Fact]
    public void Drift_FilenameOfAStoreInstall_IsReported_AndSetPointsItAtThePluginCopyOfTheResolvedVersion()
    {
        // PowerShell#27701: the Store 7.6.3 registered PowerShell.7 with its own folder, which an MSI install never fixes.
        _image.Register("PowerShell.7", PluginFixtures.Document(PluginFixtures.Store763));

        OperationResult test = Resource().Test(Props("7"));

        Assert.False(test.State.InDesiredState);
        Assert.Contains(Code(ReasonId.FilenameUnexpected), Codes(test.State.Reasons));
        Assert.Contains("version", test.Properties);

        OperationResult set = Resource().Set(Props("7") with { Restart = RestartPolicy.Never }, whatIf: false);

        Assert.Empty(set.State.Reasons);
        Assert.Equal(@"%windir%\system32\PowerShell\7.6.9\pwrshplugin.dll", Registered("PowerShell.7").Filename);
        Assert.Equal(["WinRM"], set.State.RestartRequired);
        Assert.True(Resource().Test(Props("7")).State.InDesiredState);
    }

    [Fact]
    public void Drift_StalePluginCopy_IsReported_AndSetReplacesItWithThePSHomeBytes()
    {
        AssertDriftRepaired(Props("7"), () => File.WriteAllBytes(Path.Join(_image.PluginFolder("7.6.9"), "pwrshplugin.dll"), FixtureInstallation.PluginBytes("7.6.1")),
            [ReasonId.StalePlugin], ["version"]);

        Assert.Equal(File.ReadAllBytes(Path.Join(_v769, "pwrshplugin.dll")), File.ReadAllBytes(Path.Join(_image.PluginFolder("7.6.9"), "pwrshplugin.dll")));
    }

    [Fact]
    public void Set_RepairsOnlyWhatDrifted_TheFolderWithoutTheRegistration_AndTheRegistrationWithoutTheFolder()
    {
        EndpointResource resource = Resource();
        resource.Set(Props("7") with { Restart = RestartPolicy.Never }, whatIf: false);
        string plugin = Path.Join(_image.PluginFolder("7.6.9"), "pwrshplugin.dll");
        string config = Path.Join(_image.PluginFolder("7.6.9"), "RemotePowerShellConfig.txt");
        string registration = _image.ConfigXmlPath("PowerShell.7");

        File.WriteAllBytes(plugin, FixtureInstallation.PluginBytes("7.6.1"));
        _image.AgeAllFiles(LongAgo);
        resource.Set(Props("7") with { Restart = RestartPolicy.Never }, whatIf: false);
        Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(registration));
        Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(config));
        Assert.NotEqual(LongAgo, File.GetLastWriteTimeUtc(plugin));

        EditRegistration("PowerShell.7", root => root.SetAttributeValue("Enabled", "false"));
        _image.AgeAllFiles(LongAgo);
        resource.Set(Props("7") with { Restart = RestartPolicy.Never }, whatIf: false);
        Assert.NotEqual(LongAgo, File.GetLastWriteTimeUtc(registration));
        Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(config));
        Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(plugin));
    }

    [Fact]
    public void Drift_MissingPluginConfig_IsReported_AndSetWritesIt()
    {
        AssertDriftRepaired(Props("7"), () => File.Delete(Path.Join(_image.PluginFolder("7.6.9"), "RemotePowerShellConfig.txt")),
            [ReasonId.PluginConfigMissing], ["version"]);

        AssertConfigNames(_v769);
    }

    [Fact]
    public void Drift_PluginConfigPointingAtAnotherInstallation_IsReported_AndSetRebindsIt()
    {
        AssertDriftRepaired(Props("7"), () => WriteConfig("7.6.9", _v746),
            [ReasonId.BoundToOtherInstallation], ["version"]);

        AssertConfigNames(_v769);
    }

    [Fact]
    public void Drift_PluginConfigPointingAtAnUninstalledPowerShell_IsReported_AndSetRebindsIt()
    {
        AssertDriftRepaired(Props("7"), () => WriteConfig("7.6.9", _dir.Combine("powershell", "7.6.8-uninstalled")),
            [ReasonId.InstallationGone], ["version"]);

        AssertConfigNames(_v769);
    }

    [Fact]
    public void Drift_PSVersionParameter_IsReported_AndSetCorrectsIt()
    {
        AssertDriftRepaired(Props("7"), () => EditRegistration("PowerShell.7", root => Param(root, "PSVersion")!.SetAttributeValue("Value", "7.2")),
            [ReasonId.PSVersionMismatch], ["version"]);

        Assert.Equal("7.6", Registered("PowerShell.7").InitializationParameters.PSVersion);
    }

    [Fact]
    public void Drift_ResourceUri_IsReported_AndSetCorrectsIt()
    {
        AssertDriftRepaired(Props("7"), () => EditRegistration("PowerShell.7", root =>
            {
                foreach (XElement element in root.Descendants().Where(e => e.Name == Ns + "Resource" || e.Name == Ns + "Security"))
                {
                    element.SetAttributeValue(element.Name == Ns + "Resource" ? "ResourceUri" : "Uri", "http://schemas.microsoft.com/powershell/PowerShell.Other");
                }
            }),
            [ReasonId.ResourceUriMismatch], ["version"]);

        Assert.NotNull(Registered("PowerShell.7").FindResource("http://schemas.microsoft.com/powershell/PowerShell.7"));
    }

    [Fact]
    public void Drift_DeclaredQuota_IsReported_AndSetCorrectsIt()
    {
        var quotas = new Dictionary<string, long> { ["MaxShellsPerUser"] = 10 };
        AssertDriftRepaired(Props("7") with { Quotas = quotas }, () => EditRegistration("PowerShell.7", root => Quotas(root).SetAttributeValue("MaxShellsPerUser", "25")),
            [ReasonId.QuotaDiffers], ["maxShellsPerUser"]);

        Assert.Equal(10, Registered("PowerShell.7").Quotas!.MaxShellsPerUser);
    }

    [Fact]
    public void Drift_UndeclaredQuota_IsNoDrift()
    {
        EndpointResource resource = Resource();
        resource.Set(Props("7") with { Restart = RestartPolicy.Never }, whatIf: false);
        EditRegistration("PowerShell.7", root => Quotas(root).SetAttributeValue("IdleTimeoutms", "60000"));

        Assert.True(resource.Test(Props("7")).State.InDesiredState);
        Assert.True(resource.Test(Props("7") with { Quotas = new Dictionary<string, long> { ["MaxShellsPerUser"] = 25 } }).State.InDesiredState);
    }

    [Fact]
    public void Drift_SddlWithTheSameAcesInAnotherOrder_AndSidsForAliases_IsNoDrift()
    {
        EndpointResource resource = Resource();
        resource.Set(Props("7") with { SecurityDescriptorSddl = DefaultSddl.Remote, Restart = RestartPolicy.Never }, whatIf: false);
        EditRegistration("PowerShell.7", root => SetSddl(root,
            "O:NSG:S-1-5-32-544D:P(A;;GA;;;S-1-5-4)(A;;GA;;;BA)(A;;GA;;;S-1-5-32-580)S:P(AU;SA;GXGW;;;WD)(AU;FA;GA;;;S-1-1-0)"));

        OperationResult test = resource.Test(Props("7") with { SecurityDescriptorSddl = DefaultSddl.Remote });

        Assert.True(test.State.InDesiredState, string.Join(Environment.NewLine, test.State.Reasons.Select(r => r.Phrase)));
    }

    [Fact]
    public void Drift_SddlMissingAnAce_IsReported_AndSetWritesTheDeclaredSddl()
    {
        EndpointProperties properties = Props("7") with { SecurityDescriptorSddl = DefaultSddl.Remote };
        AssertDriftRepaired(properties, () => EditRegistration("PowerShell.7", root => SetSddl(root, "O:NSG:BAD:P(A;;GA;;;BA)(A;;GA;;;RM)S:P(AU;FA;GA;;;WD)(AU;SA;GXGW;;;WD)")),
            [ReasonId.SecurityDiffers], ["securityDescriptorSddl"]);

        Assert.True(SecurityDescriptorComparison.AreEquivalent(SddlParser.Parse(DefaultSddl.Remote), SddlParser.Parse(WSManPluginSddl(Registered("PowerShell.7"))!)));
    }

    [Fact]
    public void AccessModeLocal_IsWrittenLikeSetPSSessionConfiguration_WithTheNetworkDenyAce()
    {
        OperationResult result = Resource().Set(Props("7") with { AccessMode = AccessMode.Local }, whatIf: false);

        PluginConfiguration written = Registered("PowerShell.7");
        Assert.Equal("True", written.Enabled);
        Assert.True(SecurityDescriptorComparison.AreEquivalent(SddlParser.Parse(DefaultSddl.Local), SddlParser.Parse(WSManPluginSddl(written)!)));
        Assert.Equal(AccessMode.Local, result.State.AccessMode);
    }

    [Fact]
    public void AccessModeDisabled_WritesEnabledFalse_AndNoSecurity_LikeRegisterPSSessionConfiguration()
    {
        OperationResult result = Resource().Set(Props("7") with { AccessMode = AccessMode.Disabled }, whatIf: false);

        // -AccessMode Disabled without an SDDL writes no <Security> element (CustomShellCommands.cs 444–456, 1100–1107).
        PluginConfiguration written = Registered("PowerShell.7");
        Assert.Equal("False", written.Enabled);
        Assert.Empty(written.Resources.Single().Security);
        Assert.Equal(AccessMode.Disabled, WSManPluginDocument.AccessModeOf(written));
        Assert.Empty(result.State.Reasons);
    }

    [Fact]
    public void Drift_AccessModeDerivedFromANetworkDenyAddedByHand_IsReported_AndSetRemovesTheAce()
    {
        EndpointProperties remote = Props("7") with { AccessMode = AccessMode.Remote };
        AssertDriftRepaired(remote, () => EditRegistration("PowerShell.7", root => SetSddl(root, DefaultSddl.Local)),
            [ReasonId.AccessModeDiffers], ["accessMode"]);

        Assert.False(AccessModeRules.HasNetworkDeny(SddlParser.Parse(WSManPluginSddl(Registered("PowerShell.7"))!)));
    }

    [Theory]
    [InlineData(AccessMode.Local, AccessMode.Remote)]
    [InlineData(AccessMode.Remote, AccessMode.Local)]
    [InlineData(AccessMode.Disabled, AccessMode.Remote)]
    [InlineData(AccessMode.Remote, AccessMode.Disabled)]
    public void AccessMode_ChangedBySet_IsThenInDesiredState(AccessMode from, AccessMode to)
    {
        EndpointResource resource = Resource();
        resource.Set(Props("7") with { AccessMode = from, Restart = RestartPolicy.Never }, whatIf: false);

        OperationResult drift = resource.Test(Props("7") with { AccessMode = to });
        resource.Set(Props("7") with { AccessMode = to, Restart = RestartPolicy.Never }, whatIf: false);

        Assert.Equal([Code(ReasonId.AccessModeDiffers)], Codes(drift.State.Reasons));
        Assert.True(resource.Test(Props("7") with { AccessMode = to }).State.InDesiredState);
        Assert.Equal(to, resource.Get(Props("7")).State.AccessMode);
    }

    [Fact]
    public void Drift_AStalePowerShell7From72_IsRepairedTo769_KeepingForeignSettings()
    {
        string stale = PluginFixtures.Document(PluginFixtures.Stale72)
            .Replace("RunAsUser=\"\"", "RunAsUser=\"CONTOSO\\ops\"", StringComparison.Ordinal)
            .Replace("<Param Name=\"PSVersion\" Value=\"7.2\"/>", "<Param Name=\"PSVersion\" Value=\"7.2\"/><Param Name=\"startupscript\" Value=\"C:\\ops\\startup.ps1\"/>", StringComparison.Ordinal);
        Assert.Contains("startupscript", stale, StringComparison.Ordinal);
        Assert.Contains("CONTOSO", stale, StringComparison.Ordinal);
        _image.Register("PowerShell.7", stale);
        _image.ProvisionFolder("7.2.19", File.ReadAllBytes(Path.Join(_v7219, "pwrshplugin.dll")), _v7219);

        OperationResult test = Resource().Test(Props("7"));
        OperationResult set = Resource().Set(Props("7") with { Restart = RestartPolicy.Never }, whatIf: false);

        Assert.Equal(
            [Code(ReasonId.FilenameUnexpected), Code(ReasonId.StalePlugin), Code(ReasonId.BoundToOtherInstallation), Code(ReasonId.PSVersionMismatch)],
            Codes(test.State.Reasons));
        Assert.Equal("7", test.State.Version);
        Assert.Equal(_v7219, test.State.PSHome);
        Assert.Empty(set.State.Reasons);
        PluginConfiguration repaired = Registered("PowerShell.7");
        Assert.Equal(@"%windir%\system32\PowerShell\7.6.9\pwrshplugin.dll", repaired.Filename);
        Assert.Equal("7.6", repaired.InitializationParameters.PSVersion);
        Assert.Equal(@"C:\ops\startup.ps1", repaired.InitializationParameters["startupscript"]);
        Assert.Equal(@"CONTOSO\ops", repaired.RunAsUser);
        Assert.Equal("64", repaired.Architecture);
        Assert.Equal(25, repaired.Quotas!.MaxShellsPerUser);
        AssertConfigNames(_v769);

        // The old folder stays for whatever else may load it (Enable-PSRemoting never deletes one either).
        Assert.True(File.Exists(Path.Join(_image.PluginFolder("7.2.19"), "pwrshplugin.dll")));
        Assert.True(Resource().Test(Props("7")).State.InDesiredState);
    }

    // ---- restart policy and the never-lock-out guard ------------------------------------------------------------

    [Fact]
    public void Set_ThroughARegistryLikeStore_RestartsWinRM_WhenThePluginIsCreated()
    {
        var host = new RecordingWinRMHost();
        OperationResult result = Resource(Image(host: host)).Set(Props("7"), whatIf: false);

        Assert.Equal(1, host.Restarts);
        Assert.Empty(result.State.RestartRequired);
        Assert.Equal("WinRM restarted.", result.State.ReloadOutcome);
    }

    [Fact]
    public void Set_WithRestartNever_ReportsThatWinRMMustRestart_AndDoesNotRestart()
    {
        var host = new RecordingWinRMHost();
        OperationResult result = Resource(Image(host: host)).Set(Props("7") with { Restart = RestartPolicy.Never }, whatIf: false);

        Assert.Equal(0, host.Restarts);
        Assert.Equal(["WinRM"], result.State.RestartRequired);
        Assert.True(Registered("PowerShell.7") is not null);
    }

    [Fact]
    public void Set_OnTheImageItself_ReportsTheNeededRestart_InsteadOfFailingAfterWriting()
    {
        // A machine image has no WinRM to restart: the restart is the caller's to do when the image boots.
        OperationResult result = Resource().Set(Props("7"), whatIf: false);

        Assert.Equal(["WinRM"], result.State.RestartRequired);
        Assert.NotNull(result.State.ReloadOutcome);
        Assert.NotNull(_image.ReadConfigXml("PowerShell.7"));
    }

    [Fact]
    public void Set_ThroughTheConfigApiLikeStore_NeedsNoRestart_ForASecurityChange_ButDoesForAPluginChange()
    {
        var host = new RecordingWinRMHost();
        WSManEnvironment wsman = Image(host: host, store: new ApiLikePluginStore(new DirectoryPluginStore(_image.Root)));
        EndpointResource resource = Resource(wsman);
        resource.Set(Props("7"), whatIf: false);
        Assert.Equal(0, host.Restarts);

        OperationResult local = resource.Set(Props("7") with { AccessMode = AccessMode.Local }, whatIf: false);
        Assert.Equal(0, host.Restarts);
        Assert.Empty(local.State.RestartRequired);

        File.WriteAllBytes(Path.Join(_image.PluginFolder("7.6.9"), "pwrshplugin.dll"), FixtureInstallation.PluginBytes("7.6.1"));
        resource.Set(Props("7") with { AccessMode = AccessMode.Local }, whatIf: false);
        Assert.Equal(1, host.Restarts);

        EditRegistration("PowerShell.7", root => Param(root, "PSVersion")!.SetAttributeValue("Value", "7.2"));
        resource.Set(Props("7") with { AccessMode = AccessMode.Local }, whatIf: false);
        Assert.Equal(2, host.Restarts);
    }

    [Fact]
    public void Set_InsideAWinRMSession_DoesNotRestart_AndSaysWhy()
    {
        var host = new RecordingWinRMHost();
        OperationResult result = Resource(Image(host: host, session: Inside())).Set(Props("7"), whatIf: false);

        Assert.Equal(0, host.Restarts);
        Assert.Equal(["WinRM"], result.State.RestartRequired);
        Assert.Contains("wsmprovhost.exe (PID 4242)", result.State.ReloadOutcome, StringComparison.Ordinal);
        Assert.NotNull(_image.ReadConfigXml("PowerShell.7"));
    }

    [Fact]
    public void Set_InsideAWinRMSession_WithForce_Restarts()
    {
        var host = new RecordingWinRMHost();
        Resource(Image(host: host, session: Inside())).Set(Props("7") with { Force = true }, whatIf: false);

        Assert.Equal(1, host.Restarts);
    }

    [Fact]
    public void Set_InsideAWinRMSession_RefusesToReplaceTheEndpoint_WithoutForce_AndWritesNothing()
    {
        Resource().Set(Props("7") with { Restart = RestartPolicy.Never }, whatIf: false);
        EditRegistration("PowerShell.7", root => root.SetAttributeValue("Enabled", "false"));
        IReadOnlyList<string> before = _image.Listing();
        EndpointResource inside = Resource(Image(session: Inside()));

        var error = Assert.Throws<PSRemotingDscException>(() => inside.Set(Props("7") with { Restart = RestartPolicy.Never }, whatIf: false));
        Assert.Equal(ExitCode.EndpointProtected, error.ExitCode);
        Assert.Equal(before, _image.Listing());

        inside.Set(Props("7") with { Restart = RestartPolicy.Never, Force = true }, whatIf: false);
        Assert.Equal("True", Registered("PowerShell.7").Enabled);
    }

    [Fact]
    public void Delete_InsideAWinRMSession_NeedsForce()
    {
        Resource().Set(Props("7") with { Restart = RestartPolicy.Never }, whatIf: false);
        EndpointResource inside = Resource(Image(session: Inside()));

        var error = Assert.Throws<PSRemotingDscException>(() => inside.Delete(Props("7"), whatIf: false));
        Assert.Equal(ExitCode.EndpointProtected, error.ExitCode);
        Assert.NotNull(_image.ReadConfigXml("PowerShell.7"));

        inside.Delete(Props("7") with { Force = true }, whatIf: false);
        Assert.Null(_image.ReadConfigXml("PowerShell.7"));
    }

    [Fact]
    public void Set_InsideASessionOfAnotherKnownEndpoint_ReplacesThisOne_WithoutForce()
    {
        Resource().Set(Props("7") with { Restart = RestartPolicy.Never }, whatIf: false);
        EditRegistration("PowerShell.7", root => root.SetAttributeValue("Enabled", "false"));
        var session = new FixedSessionContext(true, "PowerShell.7.4", "PSREMOTINGDSC_SESSION_ENDPOINT");

        OperationResult result = Resource(Image(session: session)).Set(Props("7") with { Restart = RestartPolicy.Never }, whatIf: false);

        Assert.Empty(result.State.Reasons);
    }

    // ---- refusals: nothing read, nothing written ----------------------------------------------------------------

    [Theory]
    [InlineData("Microsoft.PowerShell")]
    [InlineData("microsoft.powershell32")]
    public void WindowsPowerShellEndpoint_IsProtected_AndNothingIsWritten(string name)
    {
        _image.Register("microsoft.powershell", PluginFixtures.Document(PluginFixtures.WindowsPowerShell));
        IReadOnlyList<string> before = _image.Listing();
        EndpointResource resource = Resource();

        foreach (Action operation in new Action[]
        {
            () => resource.Set(Props("7") with { Name = name }, whatIf: false),
            () => resource.Set(Props("7") with { Name = name, Force = true }, whatIf: false),
            () => resource.Delete(Props("7") with { Name = name, Force = true }, whatIf: false),
            () => resource.Test(Props("7") with { Name = name }),
        })
        {
            var error = Assert.Throws<PSRemotingDscException>(operation);
            Assert.Equal(ExitCode.EndpointProtected, error.ExitCode);
        }

        Assert.Equal(before, _image.Listing());
    }

    [Fact]
    public void AnEndpointLoadingWindowsPowerShellsPlugin_IsProtected_WhateverItsName()
    {
        _image.Register("Legacy.Ops", PluginFixtures.Document(PluginFixtures.WindowsPowerShell).Replace("Name=\"microsoft.powershell\"", "Name=\"Legacy.Ops\"", StringComparison.Ordinal));
        IReadOnlyList<string> before = _image.Listing();

        var error = Assert.Throws<PSRemotingDscException>(() => Resource().Set(Props("7") with { Name = "Legacy.Ops", Force = true }, whatIf: false));

        Assert.Equal(ExitCode.EndpointProtected, error.ExitCode);
        Assert.Equal(before, _image.Listing());
    }

    // Whitespace fails the rule every name follows (EndpointContract.Name) before the plugin-name rule sees it.
    [Theory]
    [InlineData("Power Shell", ExitCode.UnsafeValue)]
    [InlineData("-PowerShell", ExitCode.PluginNameInvalid)]
    [InlineData("PowerShell/7", ExitCode.PluginNameInvalid)]
    public void InvalidPluginName_FailsWithPluginNameInvalid_AndNothingIsWritten(string name, ExitCode expected)
    {
        IReadOnlyList<string> before = _image.Listing();

        var error = Assert.Throws<PSRemotingDscException>(() => Resource().Set(Props("7") with { Name = name }, whatIf: false));

        Assert.Equal(expected, error.ExitCode);
        Assert.Equal(before, _image.Listing());
    }

    [Fact]
    public void Set_NotElevated_FailsWithNotElevated_BeforeTheStoreIsReadOrWritten()
    {
        Resource().Set(Props("7") with { Restart = RestartPolicy.Never }, whatIf: false);
        EditRegistration("PowerShell.7", root => root.SetAttributeValue("Enabled", "false"));
        IReadOnlyList<string> before = _image.Listing();
        var store = new CountingPluginStore(new DirectoryPluginStore(_image.Root));

        var error = Assert.Throws<PSRemotingDscException>(() =>
            Resource(Image(elevation: new FixedElevation(false), store: store)).Set(Props("7"), whatIf: false));

        Assert.Equal(ExitCode.NotElevated, error.ExitCode);
        Assert.Equal(0, store.Calls);
        Assert.Equal(before, _image.Listing());
    }

    public static TheoryData<string, WinRMHostSnapshot, ReasonId> Preconditions() => new()
    {
        { "service stopped", new WinRMHostSnapshot { Service = new WinRMServiceState(true, false, "Manual") }, ReasonId.WinRMServiceStopped },
        { "service missing", new WinRMHostSnapshot { Service = WinRMServiceState.NotInstalled }, ReasonId.WinRMServiceMissing },
        { "stack 1.0", new WinRMHostSnapshot { ServiceStackVersion = new Version(1, 0) }, ReasonId.WSManStackTooOld },
        { "no listener", new WinRMHostSnapshot { Listeners = new WSManListenerPresence(false, false) }, ReasonId.NoListener },
    };

    [Theory]
    [MemberData(nameof(Preconditions))]
    public void MissingPrecondition_IsAReasonInTest_AndAClearErrorInSet_WithNothingWritten(string problem, WinRMHostSnapshot host, ReasonId expected)
    {
        Resource().Set(Props("7") with { Restart = RestartPolicy.Never }, whatIf: false);
        EditRegistration("PowerShell.7", root => root.SetAttributeValue("Enabled", "false"));
        IReadOnlyList<string> before = _image.Listing();
        EndpointResource resource = Resource(Image(host: host));

        OperationResult test = resource.Test(Props("7"));
        var error = Assert.Throws<PSRemotingDscException>(() => resource.Set(Props("7"), whatIf: false));

        Assert.Equal([Code(expected), Code(ReasonId.EndpointDisabled)], Codes(test.State.Reasons));
        Assert.Contains("transport", test.Properties);
        Assert.True(error.ExitCode == ExitCode.WSManUnavailable, problem);
        Assert.Equal("WSManUnavailable", error.ErrorId);
        Assert.Contains("[" + expected + "]", error.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was changed", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, _image.Listing());
    }

    [Fact]
    public void Set_OfANewEndpoint_WithAStoppedWinRM_FailsWithWSManUnavailable_AndCreatesNothing()
    {
        IReadOnlyList<string> before = _image.Listing();
        var host = new WinRMHostSnapshot { Service = new WinRMServiceState(true, false, "Disabled") };

        var error = Assert.Throws<PSRemotingDscException>(() => Resource(Image(host: host)).Set(Props("7"), whatIf: false));

        Assert.Equal(ExitCode.WSManUnavailable, error.ExitCode);
        Assert.Contains("Set-Service WinRM -StartupType Automatic", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, _image.Listing());
    }

    // ---- verifyConnection ----------------------------------------------------------------------------------------

    [Fact]
    public void VerifyConnection_ThatAnswersWithTheResolvedVersion_IsInDesiredState()
    {
        var probe = new RecordingConnectionProbe(new ConnectionProbeResult(true, "7.6.9", null));
        EndpointResource resource = Resource(Image(probe: probe));
        resource.Set(Props("7") with { Restart = RestartPolicy.Never }, whatIf: false);
        Assert.Empty(probe.Probes);

        OperationResult test = resource.Test(Props("7") with { VerifyConnection = true });

        Assert.True(test.State.InDesiredState);
        Assert.Equal([("PowerShell.7", _v769)], probe.Probes);
    }

    [Theory]
    [InlineData(true, "7.4.6", null, "answered with PowerShell 7.4.6, not 7.6.9")]
    [InlineData(false, null, "Connecting to remote server localhost failed with the following error message : The WS-Management service cannot process the request. The WSMan plugin 'PowerShell.7' failed to load (WSManFault 2689860592).", "2689860592")]
    public void VerifyConnection_ThatFailsOrAnswersWithAnotherVersion_IsConnectionFailed(bool connected, string? version, string? error, string phrase)
    {
        var probe = new RecordingConnectionProbe(new ConnectionProbeResult(connected, version, error));
        EndpointResource resource = Resource(Image(probe: probe));
        resource.Set(Props("7") with { Restart = RestartPolicy.Never }, whatIf: false);

        OperationResult test = resource.Test(Props("7") with { VerifyConnection = true });

        Reason reason = Assert.Single(test.State.Reasons);
        Assert.Equal(Code(ReasonId.ConnectionFailed), reason.Code);
        Assert.Contains(phrase, reason.Phrase, StringComparison.Ordinal);
        Assert.Equal(["verifyConnection"], test.Properties);
    }

    [Fact]
    public void VerifyConnection_IsNotAttempted_WhenTheEndpointIsNotRegistered()
    {
        var probe = new RecordingConnectionProbe(new ConnectionProbeResult(true, "7.6.9", null));

        OperationResult test = Resource(Image(probe: probe)).Test(Props("7") with { VerifyConnection = true });

        Assert.Equal([Code(ReasonId.Missing)], Codes(test.State.Reasons));
        Assert.Empty(probe.Probes);
    }

    /// <summary>
    /// After a create, Register-PSSessionConfiguration opens a loopback session and restarts WinRM only when it fails
    /// (PowerShell CustomShellCommands.cs 248–262): restart ifNeeded means the endpoint answers afterwards.
    /// </summary>
    [Theory]
    [InlineData(true, 0)]
    [InlineData(false, 1)]
    public void Create_RestartsWinRM_OnlyWhenTheNewEndpointDoesNotAnswer(bool answers, int restarts)
    {
        var host = new RecordingWinRMHost();
        var probe = new RecordingConnectionProbe(new ConnectionProbeResult(answers, answers ? "7.6.9" : null, answers ? null : "WSManFault 2689860592"));
        var store = new ApiLikePluginStore(new DirectoryPluginStore(_image.Root));

        OperationResult set = Resource(Image(host: host, store: store, probe: probe)).Set(Props("7"), whatIf: false);

        Assert.Equal([("PowerShell.7", _v769)], probe.Probes);
        Assert.Equal(restarts, host.Restarts);
        Assert.Empty(set.State.RestartRequired);
    }

    [Fact]
    public void Create_WithRestartNever_DoesNotProbe_AndRestartsNothing()
    {
        var host = new RecordingWinRMHost();
        var probe = new RecordingConnectionProbe(new ConnectionProbeResult(false, null, "no answer"));

        Resource(Image(host: host, store: new ApiLikePluginStore(new DirectoryPluginStore(_image.Root)), probe: probe))
            .Set(Props("7") with { Restart = RestartPolicy.Never }, whatIf: false);

        Assert.Empty(probe.Probes);
        Assert.Equal(0, host.Restarts);
    }

    /// <summary>
    /// useSharedProcess was added by declaring it (EndpointContract) and giving it a member (EndpointSettings) only:
    /// the plugin document writes it as PowerShell does (UseSharedProcess='True', CustomShellCommands.cs 1129–1133),
    /// the state reports it, and the analyzer compares it.
    /// </summary>
    [Fact]
    public void APluginAttributeSetting_IsWrittenReportedComparedAndRepaired_WithoutTransportCode()
    {
        EndpointResource resource = Resource();

        resource.Set(Props("7") with { UseSharedProcess = true, Restart = RestartPolicy.Never }, whatIf: false);

        Assert.Equal("True", XDocument.Parse(_image.ReadConfigXml("PowerShell.7")!).Root!.Attribute("UseSharedProcess")?.Value);
        EndpointState got = resource.Get(Props("7")).State;
        Assert.True(got.UseSharedProcess);
        Assert.True(resource.Test(Props("7") with { UseSharedProcess = true }).State.InDesiredState);
        AssertDriftRepaired(Props("7") with { UseSharedProcess = true },
            () => EditRegistration("PowerShell.7", root => root.SetAttributeValue("UseSharedProcess", "false")),
            [ReasonId.PluginSettingDiffers], ["useSharedProcess"]);
        Assert.Equal(["_exist"], resource.Test(Props("7") with { UseSharedProcess = false, Exist = false }).Properties);
    }

    // ---- delete, export, get/test round trip, what-if -------------------------------------------------------------

    [Fact]
    public void Delete_Unregisters_KeepsThePluginFolder_AndNeedsNoRestart()
    {
        var host = new RecordingWinRMHost();
        EndpointResource resource = Resource(Image(host: host));
        resource.Set(Props("7") with { Restart = RestartPolicy.Never }, whatIf: false);

        OperationResult deleted = resource.Delete(Props("7"), whatIf: false);

        Assert.Null(_image.ReadConfigXml("PowerShell.7"));
        Assert.True(File.Exists(Path.Join(_image.PluginFolder("7.6.9"), "pwrshplugin.dll")));
        Assert.False(deleted.State.Exist);
        Assert.Empty(deleted.State.RestartRequired);
        Assert.Equal(0, host.Restarts);
        Assert.Equal(["_exist"], deleted.Properties);
        Assert.True(resource.Test(Props("7") with { Exist = false }).State.InDesiredState);
    }

    [Fact]
    public void Delete_OfAnUnregisteredEndpoint_ChangesNothing()
    {
        IReadOnlyList<string> before = _image.Listing();

        OperationResult deleted = Resource().Delete(Props("7"), whatIf: false);

        Assert.Empty(deleted.Changes);
        Assert.Equal(before, _image.Listing());
    }

    /// <summary>
    /// WinRM accepts plugin names up to 255 characters; the store guard once stopped at 200, so one long name registered
    /// by someone else failed the whole export. One limit now (EndpointNaming.MaxPluginNameLength).
    /// </summary>
    [Fact]
    public void Export_ListsAPluginWithALongName_UpToWinRMsLimit()
    {
        string name = "PowerShell." + new string('x', EndpointNaming.MaxPluginNameLength - "PowerShell.".Length);
        _image.Register(name, PluginFixtures.Document(PluginFixtures.Stale72).Replace("PowerShell.7\"", name + "\"", StringComparison.Ordinal));

        IReadOnlyList<EndpointState> all = Resource().Export(new EndpointProperties { Transport = Transport.Wsman });

        Assert.Equal([name], all.Select(state => state.ExportName));
    }

    [Fact]
    public void Export_ListsThePowerShell7Plugins_NotWindowsPowerShellOrOtherPlugins()
    {
        EndpointResource resource = Resource();
        resource.Set(Props("7") with { Restart = RestartPolicy.Never }, whatIf: false);
        resource.Set(Props("7.4") with { Restart = RestartPolicy.Never }, whatIf: false);
        _image.Register("microsoft.powershell", PluginFixtures.Document(PluginFixtures.WindowsPowerShell));
        _image.Register("Legacy.Ops", PluginFixtures.Document(PluginFixtures.WindowsPowerShell).Replace("Name=\"microsoft.powershell\"", "Name=\"Legacy.Ops\"", StringComparison.Ordinal));
        _image.Register("WMI Provider", "<PlugInConfiguration xmlns=\"http://schemas.microsoft.com/wbem/wsman/1/config/PluginConfiguration\" Name=\"WMI Provider\" Filename=\"C:\\Windows\\system32\\WsmWmiPl.dll\" SDKVersion=\"1\" XmlRenderingType=\"text\"><Resources><Resource ResourceUri=\"http://schemas.microsoft.com/wbem/wsman/1/wmi\" SupportsOptions=\"true\"><Capability Type=\"Get\"/></Resource></Resources></PlugInConfiguration>");
        _image.Register("PowerShell.7.2.19", PluginFixtures.Document(PluginFixtures.Stale72).Replace("PowerShell.7\"", "PowerShell.7.2.19\"", StringComparison.Ordinal));

        IReadOnlyList<EndpointState> all = resource.Export(new EndpointProperties { Transport = Transport.Wsman });

        Assert.Equal(["PowerShell.7", "PowerShell.7.2.19", "PowerShell.7.4"], all.Select(state => state.ExportName));
        EndpointState seven = all[0];
        Assert.Equal("7.6.9", seven.Version);
        Assert.Equal(_v769, seven.PSHome);
        Assert.Empty(seven.Reasons);
        Assert.Equal(Transport.Wsman, seven.Transport);

        // PowerShell.7.2.19 loads a folder that was never provisioned on this image.
        EndpointState orphan = all[1];
        Assert.Null(orphan.ResolvedPSHome);
        Assert.Equal([Code(ReasonId.InstallationGone)], Codes(orphan.Reasons));

        Assert.Equal(["PowerShell.7.4"], resource.Export(new EndpointProperties { Transport = Transport.Wsman, Version = "7.4" }).Select(state => state.ExportName));
        Assert.Equal(["PowerShell.7"], resource.Export(new EndpointProperties { Transport = Transport.Wsman, Name = "powershell.7" }).Select(state => state.ExportName));
    }

    public static TheoryData<string> RoundTripCases() => new() { "default", "custom", "absent" };

    [Theory]
    [MemberData(nameof(RoundTripCases))]
    public void GetThenTest_IsInDesiredState(string setup)
    {
        EndpointResource resource = Resource();
        if (setup == "default")
        {
            resource.Set(Props("7") with { Restart = RestartPolicy.Never }, whatIf: false);
        }
        else if (setup == "custom")
        {
            resource.Set(Props("7") with
            {
                Restart = RestartPolicy.Never,
                AccessMode = AccessMode.Local,
                SecurityDescriptorSddl = "O:NSG:BAD:P(A;;GA;;;BA)(A;;GR;;;S-1-5-21-1004336348-1177238915-682003330-1001)S:P(AU;FA;GA;;;WD)",
                Quotas = new Dictionary<string, long> { ["MaxShellsPerUser"] = 5, ["IdleTimeoutms"] = 600_000 },
            }, whatIf: false);
        }

        EndpointState state = resource.Get(Props("7")).State;
        OperationResult test = resource.Test(EndpointStates.AsDesired(state));

        Assert.Equal(setup != "absent", state.Exist);
        Assert.True(test.State.InDesiredState, string.Join(Environment.NewLine, test.State.Reasons.Select(reason => reason.Phrase)));
        if (setup == "custom")
        {
            Assert.Equal(AccessMode.Local, state.AccessMode);
            Assert.Equal(5, state.Quotas!["MaxShellsPerUser"]);
            Assert.Equal(600_000, state.Quotas!["IdleTimeoutms"]);
            Assert.Contains("S-1-5-21-1004336348-1177238915-682003330-1001", state.SecurityDescriptorSddl, StringComparison.Ordinal);
            Assert.True(AccessModeRules.HasNetworkDeny(SddlParser.Parse(state.SecurityDescriptorSddl!)));
        }
    }

    [Fact]
    public void SetWhatIf_ChangesNothing_AndPredictsTheState()
    {
        IReadOnlyList<string> before = _image.Listing();

        OperationResult predicted = Resource().Set(Props("7") with { AccessMode = AccessMode.Local }, whatIf: true);

        Assert.Equal(before, _image.Listing());
        Assert.True(predicted.State.Exist);
        Assert.Empty(predicted.State.Reasons);
        Assert.Equal(AccessMode.Local, predicted.State.AccessMode);
        Assert.Equal(_v769, predicted.State.PSHome);
        AssertPluginPath("7.6.9", predicted.State.PluginPath);
        Assert.Equal(["_exist"], predicted.Properties);
        Assert.Equal(3, predicted.Changes.Count);

        // What-if is the plan: the real set makes exactly the changes it announced.
        OperationResult real = Resource().Set(Props("7") with { AccessMode = AccessMode.Local, Restart = RestartPolicy.Never }, whatIf: false);
        Assert.Equal(Shape(real.State), Shape(predicted.State));
        Assert.Equal(predicted.Changes, real.Changes);
    }

    [Fact]
    public void SetWhatIf_OfADriftedEndpoint_AndDeleteWhatIf_ChangeNothing()
    {
        _image.Register("PowerShell.7", PluginFixtures.Document(PluginFixtures.Stale72));
        _image.ProvisionFolder("7.2.19", File.ReadAllBytes(Path.Join(_v7219, "pwrshplugin.dll")), _v7219);
        _image.AgeAllFiles(LongAgo);
        IReadOnlyList<string> before = _image.Listing();
        EndpointResource resource = Resource(Image(host: new RecordingWinRMHost()));

        OperationResult repair = resource.Set(Props("7"), whatIf: true);
        OperationResult delete = resource.Delete(Props("7"), whatIf: true);

        Assert.Equal(before, _image.Listing());
        Assert.Equal("7.6.9", repair.State.ResolvedVersion);
        Assert.Equal(_v769, repair.State.PSHome);
        Assert.Empty(repair.State.Reasons);
        Assert.NotEmpty(repair.Changes);
        Assert.False(delete.State.Exist);
        Assert.Single(delete.Changes);
    }

    // ---- runAsVirtualAccount needs WinRM in its own service host --------------------------------------------------
    // PowerShell src/System.Management.Automation/engine/remoting/commands/CustomShellCommands.cs: Register- and
    // Set-PSSessionConfiguration -RunAsVirtualAccount call MoveWinRmToIsolatedServiceHost (529–533, 3534–3538), which runs
    // 'sc.exe config winrm type= own' (1301), adds SeTcbPrivilege to RequiredPrivileges (1306–1312) and sets ObjectName
    // to LocalSystem (1313).

    private const string IsolationChange = "run WinRM in its own service host as LocalSystem with SeTcbPrivilege (as Register-PSSessionConfiguration -RunAsVirtualAccount does)";

    private static EndpointProperties VirtualAccount() => Props("7") with { RunAsVirtualAccount = true };

    [Fact]
    public void RunAsVirtualAccount_OnASharedWinRM_IsWinRMNotIsolated_OnTheRunAsVirtualAccountProperty()
    {
        // Registered correctly on an isolated WinRM, then looked at on a default one (CustomShellCommands.cs 1299–1320).
        Resource(Image(host: new WinRMHostSnapshot { ServiceHosting = WinRMServiceHosting.WindowsDefault.Isolated() }))
            .Set(VirtualAccount() with { Restart = RestartPolicy.Never }, whatIf: false);
        var host = new WinRMHostSnapshot();
        EndpointResource resource = Resource(Image(host: host));

        OperationResult test = resource.Test(VirtualAccount());
        OperationResult get = resource.Get(VirtualAccount());

        Assert.False(test.State.InDesiredState);
        Assert.Equal([Code(ReasonId.WinRMNotIsolated)], Codes(test.State.Reasons));
        Assert.Equal(["runAsVirtualAccount"], test.Properties);
        Assert.Equal("runAsVirtualAccount", test.State.Reasons[0].Property);
        Assert.Contains("shares a service host", test.State.Reasons[0].Phrase, StringComparison.Ordinal);
        Assert.Equal([Code(ReasonId.WinRMNotIsolated)], Codes(get.State.Reasons));
        Assert.Same(WinRMServiceHosting.WindowsDefault, host.ServiceHosting);
    }

    [Fact]
    public void RunAsVirtualAccount_OfANewEndpoint_IsMissingAndWinRMNotIsolated()
    {
        OperationResult test = Resource().Test(VirtualAccount());

        Assert.Equal([Code(ReasonId.Missing), Code(ReasonId.WinRMNotIsolated)], Codes(test.State.Reasons));
    }

    [Fact]
    public void RunAsVirtualAccountFalse_OrUnset_DoesNotCareHowWinRMIsHosted()
    {
        var host = new WinRMHostSnapshot();
        EndpointResource resource = Resource(Image(host: host));

        OperationResult off = resource.Set(Props("7") with { RunAsVirtualAccount = false, Restart = RestartPolicy.Never }, whatIf: false);
        OperationResult unset = resource.Set(Props("7") with { Restart = RestartPolicy.Never }, whatIf: false);

        Assert.DoesNotContain(off.Changes, change => change.Description == IsolationChange);
        Assert.Empty(unset.Changes);
        Assert.True(resource.Test(Props("7") with { RunAsVirtualAccount = false }).State.InDesiredState);
        Assert.Same(WinRMServiceHosting.WindowsDefault, host.ServiceHosting);
    }

    [Fact]
    public void Set_RunAsVirtualAccount_IsolatesWinRMFirst_AndReportsTheRestartItNeeds()
    {
        var host = new WinRMHostSnapshot();
        EndpointResource resource = Resource(Image(host: host));

        OperationResult set = resource.Set(VirtualAccount(), whatIf: false);

        // As MoveWinRmToIsolatedServiceHost leaves it (CustomShellCommands.cs 1301, 1306–1313): own process, LocalSystem,
        // the privileges it had plus SeTcbPrivilege.
        Assert.True(host.ServiceHosting.IsolatedForVirtualAccounts);
        Assert.True(host.ServiceHosting.OwnProcess);
        Assert.Equal("LocalSystem", host.ServiceHosting.Account);
        Assert.Equal([.. WinRMServiceHosting.WindowsDefault.RequiredPrivileges, "SeTcbPrivilege"], host.ServiceHosting.RequiredPrivileges);
        Assert.Equal(new PlannedChange(@"HKLM\SYSTEM\CurrentControlSet\Services\WinRM", IsolationChange), set.Changes[0]);
        Assert.Equal("True", Registered("PowerShell.7").RunAsVirtualAccount);
        Assert.Empty(set.State.Reasons);
        Assert.Equal(["WinRM"], set.State.RestartRequired);
        Assert.True(resource.Test(VirtualAccount()).State.InDesiredState);
    }

    [Fact]
    public void Set_OnlyWinRMNotIsolated_IsolatesAndRestarts_EvenThroughAStoreWhoseWritesNeedNoRestart()
    {
        // The service configuration is read when WinRM starts: SeTcbPrivilege "takes effect the next time the service is started".
        Resource(Image(host: new WinRMHostSnapshot { ServiceHosting = WinRMServiceHosting.WindowsDefault.Isolated() }))
            .Set(VirtualAccount() with { Restart = RestartPolicy.Never }, whatIf: false);
        _image.AgeAllFiles(LongAgo);
        IReadOnlyList<string> files = _image.Listing();
        var host = new RecordingWinRMHost();
        EndpointResource resource = Resource(Image(host: host, store: new ApiLikePluginStore(new DirectoryPluginStore(_image.Root))));

        OperationResult set = resource.Set(VirtualAccount(), whatIf: false);

        Assert.Equal([IsolationChange], set.Changes.Select(change => change.Description));
        Assert.Equal(["runAsVirtualAccount"], set.Properties);
        Assert.True(host.ServiceHosting.IsolatedForVirtualAccounts);
        Assert.Equal(1, host.Restarts);
        Assert.Equal("WinRM restarted.", set.State.ReloadOutcome);
        Assert.Equal(files, _image.Listing());
    }

    [Fact]
    public void SetWhatIf_RunAsVirtualAccount_ListsTheIsolation_AndChangesNothing()
    {
        var host = new RecordingWinRMHost();
        IReadOnlyList<string> before = _image.Listing();

        OperationResult predicted = Resource(Image(host: host)).Set(VirtualAccount(), whatIf: true);

        Assert.Equal(before, _image.Listing());
        Assert.Same(WinRMServiceHosting.WindowsDefault, host.ServiceHosting);
        Assert.Equal(0, host.Restarts);
        Assert.Contains(new PlannedChange(@"HKLM\SYSTEM\CurrentControlSet\Services\WinRM", IsolationChange), predicted.Changes);
        Assert.Empty(predicted.State.Reasons);
        Assert.Empty(predicted.State.RestartRequired);
        Assert.Equal("What if: restart the WinRM service.", predicted.State.ReloadOutcome);

        // What-if is the plan: the real set makes exactly the changes it announced.
        OperationResult real = Resource(Image(host: host)).Set(VirtualAccount(), whatIf: false);
        Assert.Equal(predicted.Changes, real.Changes);
        Assert.True(host.ServiceHosting.IsolatedForVirtualAccounts);
    }

    [Fact]
    public void Set_RunAsVirtualAccount_TheSecondTime_ChangesNothing()
    {
        var host = new RecordingWinRMHost();
        EndpointResource resource = Resource(Image(host: host));
        resource.Set(VirtualAccount(), whatIf: false);
        WinRMServiceHosting isolated = host.ServiceHosting;
        Assert.True(isolated.IsolatedForVirtualAccounts);
        _image.AgeAllFiles(LongAgo);
        IReadOnlyList<string> files = _image.Listing();

        OperationResult second = resource.Set(VirtualAccount(), whatIf: false);

        Assert.Empty(second.Changes);
        Assert.Empty(second.Properties);
        Assert.Empty(second.State.RestartRequired);
        Assert.Null(second.State.ReloadOutcome);
        Assert.Equal(1, host.Restarts);
        Assert.Same(isolated, host.ServiceHosting);
        Assert.Equal(files, _image.Listing());
    }

    [Fact]
    public void Set_RunAsVirtualAccount_InsideAWinRMSession_ChangesTheServiceConfiguration_ButDoesNotRestartWithoutForce()
    {
        var host = new RecordingWinRMHost();

        OperationResult set = Resource(Image(host: host, session: Inside())).Set(VirtualAccount(), whatIf: false);

        Assert.True(host.ServiceHosting.IsolatedForVirtualAccounts);
        Assert.Equal(0, host.Restarts);
        Assert.Equal(["WinRM"], set.State.RestartRequired);
        Assert.Contains("wsmprovhost.exe (PID 4242)", set.State.ReloadOutcome, StringComparison.Ordinal);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private static string Code(ReasonId id) => Reason.CodePrefix + id;

    private static string[] Codes(IEnumerable<Reason> reasons) => [.. reasons.Select(reason => reason.Code)];

    private static EndpointProperties Props(string version) => new() { Version = version, Transport = Transport.Wsman };

    private static FixedSessionContext Inside() => new(true, null, "ancestor wsmprovhost.exe (PID 4242)");

    /// <summary><see cref="WSManEnvironment.ForImage"/> of the test image, with some ports replaced.</summary>
    private WSManEnvironment Image(
        IWinRMHost? host = null, IRemotingSessionContext? session = null, IElevation? elevation = null, IWSManPluginStore? store = null, IConnectionProbe? probe = null)
    {
        WSManEnvironment image = WSManEnvironment.ForImage(_image.Root);
        return new WSManEnvironment
        {
            Store = store ?? image.Store,
            Host = host ?? image.Host,
            Elevation = elevation ?? image.Elevation,
            Session = session ?? image.Session,
            WindowsDirectory = image.WindowsDirectory,
            OSVersion = image.OSVersion,
            FileAccess = image.FileAccess,
            ConnectionProbe = probe ?? image.ConnectionProbe,
        };
    }

    private EndpointResource Resource(WSManEnvironment? wsman = null) => new(new ResourceEnvironment
    {
        Installations = _installations,
        Trace = NullTraceSink.Instance,
        FindSshd = () => null,
        IsWindows = true,
        DefaultSshdConfigPath = _dir.Combine("no-such", "sshd_config"),
        WSMan = wsman ?? Image(),
    });

    /// <summary>Sets up the endpoint, breaks it, and checks test reports exactly <paramref name="expected"/>, set repairs it, a second test is clean.</summary>
    private void AssertDriftRepaired(EndpointProperties properties, Action breakIt, ReasonId[] expected, string[] expectedProperties)
    {
        EndpointResource resource = Resource();
        resource.Set(properties with { Restart = RestartPolicy.Never }, whatIf: false);
        Assert.True(resource.Test(properties).State.InDesiredState);
        breakIt();

        OperationResult test = resource.Test(properties);
        OperationResult set = resource.Set(properties with { Restart = RestartPolicy.Never }, whatIf: false);

        Assert.False(test.State.InDesiredState);
        Assert.Equal(expected.Select(Code), Codes(test.State.Reasons));
        Assert.All(test.State.Reasons, reason => Assert.False(string.IsNullOrWhiteSpace(reason.Phrase)));
        Assert.Equal(expectedProperties, test.Properties);
        Assert.NotEmpty(set.Changes);
        Assert.Empty(set.State.Reasons);
        Assert.Equal(expectedProperties, set.Properties);
        OperationResult after = resource.Test(properties);
        Assert.True(after.State.InDesiredState, string.Join(Environment.NewLine, after.State.Reasons.Select(reason => reason.Phrase)));
    }

    private PluginConfiguration Registered(string name) =>
        PluginConfiguration.Parse(_image.ReadConfigXml(name) ?? throw new Xunit.Sdk.XunitException($"Plugin '{name}' is not registered in the image."));

    private void EditRegistration(string name, Action<XElement> edit)
    {
        XDocument document = XDocument.Parse(_image.ReadConfigXml(name)!);
        string before = document.ToString();
        edit(document.Root!);
        Assert.NotEqual(before, document.ToString());
        _image.Register(name, document.Root!.ToString(SaveOptions.DisableFormatting));
    }

    private static XElement? Param(XElement root, string name) =>
        root.Descendants(Ns + "Param").FirstOrDefault(param => (string?)param.Attribute("Name") == name);

    private static XElement Quotas(XElement root) => root.Element(Ns + "Quotas")!;

    private static void SetSddl(XElement root, string sddl) => root.Descendants(Ns + "Security").Single().SetAttributeValue("Sddl", sddl);

    private static string? WSManPluginSddl(PluginConfiguration configuration) => configuration.Resources.Single().Security.Single().Sddl;

    private void WriteConfig(string folder, string psHome) =>
        File.WriteAllText(Path.Join(_image.PluginFolder(folder), "RemotePowerShellConfig.txt"), $"PSHOMEDIR={psHome}\r\nCORECLRDIR={psHome}\r\n", Encoding.ASCII);

    /// <summary>pluginPath is the registered Filename with %windir% expanded: PowerShell writes "system32", Windows compares case-insensitively.</summary>
    private void AssertPluginPath(string folder, string? pluginPath) =>
        Assert.Equal(Path.Join(_image.PluginFolder(folder), "pwrshplugin.dll").Replace('\\', '/'), pluginPath?.Replace('\\', '/'), ignoreCase: true);

    private void AssertConfigNames(string psHome) =>
        Assert.Equal($"PSHOMEDIR={psHome}\r\nCORECLRDIR={psHome}\r\n", File.ReadAllText(Path.Join(_image.PluginFolder("7.6.9"), "RemotePowerShellConfig.txt"), Encoding.ASCII));

    /// <summary>What get reports about an endpoint, as comparable text (records compare lists by reference).</summary>
    private static string Shape(EndpointState state) => string.Join(" | ",
        state.Version, state.Name, state.PSHome, state.Exist, state.AccessMode, state.SecurityDescriptorSddl, state.SessionConfigurationFile,
        state.RunAsVirtualAccount, string.Join(",", state.Quotas?.Select(pair => $"{pair.Key}={pair.Value}") ?? []), state.PluginPath,
        state.ResolvedVersion, state.ResolvedPSHome, string.Join(",", Codes(state.Reasons)));

    /// <summary>A WinRM host that records restarts instead of restarting a service (the Windows adapter is tested apart).</summary>
    private sealed class RecordingWinRMHost : IWinRMHost
    {
        private readonly WinRMHostSnapshot _snapshot = new();

        public int Restarts { get; private set; }

        public WinRMServiceHosting ServiceHosting => _snapshot.ServiceHosting;

        public bool CanRestart => true;

        public string Description => "a recording test host";

        public WinRMServiceState GetServiceState() => _snapshot.GetServiceState();

        public Version? GetServiceStackVersion() => _snapshot.GetServiceStackVersion();

        public WSManListenerPresence GetListeners() => _snapshot.GetListeners();

        public bool IsUniversalCRuntimePresent() => _snapshot.IsUniversalCRuntimePresent();

        public WinRMServiceHosting? GetServiceHosting() => _snapshot.GetServiceHosting();

        public void IsolateForVirtualAccounts() => _snapshot.IsolateForVirtualAccounts();

        public void Restart(TimeSpan timeout) => Restarts++;
    }

    /// <summary>Answers every loopback probe with one result and records who was probed.</summary>
    private sealed class RecordingConnectionProbe(ConnectionProbeResult result) : IConnectionProbe
    {
        public List<(string Endpoint, string PSHome)> Probes { get; } = [];

        public ConnectionProbeResult Probe(string endpointName, PowerShellInstallation client, TimeSpan timeout)
        {
            Probes.Add((endpointName, client.PSHome));
            return result;
        }
    }

    /// <summary>The image's plugin files, seen the way the WSMan configuration API is: a running WinRM sees writes at once.</summary>
    private sealed class ApiLikePluginStore(DirectoryPluginStore inner) : IWSManPluginStore
    {
        public string Kind => "WSMan configuration API (image)";

        public bool WritesNeedWinRMRestart => false;

        public IReadOnlyList<string> ListPluginNames() => inner.ListPluginNames();

        public string? GetConfigXml(string name) => inner.GetConfigXml(name);

        public void Create(string name, string configXml) => inner.Create(name, configXml);

        public void Put(string name, string configXml) => inner.Put(name, configXml);

        public void Delete(string name) => inner.Delete(name);
    }

    /// <summary>Counts every call into the store, to prove an operation never reached it.</summary>
    private sealed class CountingPluginStore(DirectoryPluginStore inner) : IWSManPluginStore
    {
        public int Calls { get; private set; }

        public string Kind => inner.Kind;

        public bool WritesNeedWinRMRestart => inner.WritesNeedWinRMRestart;

        public IReadOnlyList<string> ListPluginNames() => Count(inner.ListPluginNames());

        public string? GetConfigXml(string name) => Count(inner.GetConfigXml(name));

        public void Create(string name, string configXml)
        {
            Calls++;
            inner.Create(name, configXml);
        }

        public void Put(string name, string configXml)
        {
            Calls++;
            inner.Put(name, configXml);
        }

        public void Delete(string name)
        {
            Calls++;
            inner.Delete(name);
        }

        private T Count<T>(T value)
        {
            Calls++;
            return value;
        }
    }
}
