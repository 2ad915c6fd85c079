using PSRemotingDsc.Drift;
using PSRemotingDsc.Endpoints;
using PSRemotingDsc.Tests.WSMan.Plugin;
using PSRemotingDsc.Versions;
using PSRemotingDsc.WSMan.Host;
using PSRemotingDsc.WSMan.Plugin;
using PSRemotingDsc.WSMan.Security;
using PSRemotingDsc.WSMan;

namespace PSRemotingDsc.Tests.Drift;

public sealed class WSManDriftAnalyzerTests
{
    private const string WindowsDirectory = @"C:\Windows";
    private static readonly PowerShellInstallation V769 = new(PowerShellVersion.Parse("7.6.9"), @"C:\Program Files\PowerShell\7", @"C:\Program Files\PowerShell\7\pwsh.exe", "test");
    private static readonly WSManDriftAnalyzer Analyzer = new(WindowsDirectory);

    [Fact]
    public void AnEndpointAsNewWritesIt_HasNoDrift()
    {
        Assert.Empty(Analyze(Desired(), Registered(WSManPluginDocument.New(Desired()))));
    }

    [Fact]
    public void AnEndpointAsWinRMStoresIt_HasNoDrift()
    {
        PluginConfiguration stored = PluginConfiguration.Parse(PluginFixtures.Document(PluginFixtures.StoredByWinRM));
        var desired = new WSManEndpointDesired("PowerShell.7.4.6", true, V769 with { Version = PowerShellVersion.Parse("7.4.6") });

        Assert.Empty(Analyze(desired, Registered(stored)));
    }

    [Fact]
    public void AMissingEndpoint_IsMissing_AfterThePreconditions()
    {
        var observed = Observation(null) with { Preconditions = [new WSManPrecondition(WSManPreconditionId.NoListener, "No listener.")] };

        IReadOnlyList<Reason> reasons = Analyze(Desired(), observed);

        Assert.Equal([Code(ReasonId.NoListener), Code(ReasonId.Missing)], Codes(reasons));
        Assert.Equal(["transport", "_exist"], reasons.Select(reason => reason.Property));
    }

    [Theory]
    [InlineData(WSManPreconditionId.WinRMServiceMissing, ReasonId.WinRMServiceMissing)]
    [InlineData(WSManPreconditionId.WinRMServiceStopped, ReasonId.WinRMServiceStopped)]
    [InlineData(WSManPreconditionId.WSManStackTooOld, ReasonId.WSManStackTooOld)]
    [InlineData(WSManPreconditionId.NoListener, ReasonId.NoListener)]
    [InlineData(WSManPreconditionId.UniversalCRuntimeMissing, ReasonId.UniversalCRuntimeMissing)]
    public void EachPrecondition_HasItsOwnReason_WithTheMessage(WSManPreconditionId precondition, ReasonId expected)
    {
        var observed = Registered(WSManPluginDocument.New(Desired())) with { Preconditions = [new WSManPrecondition(precondition, "Fix it like so.")] };

        Reason reason = Assert.Single(Analyze(Desired(), observed));

        Assert.Equal(Code(expected), reason.Code);
        Assert.Equal("Fix it like so.", reason.Phrase);
    }

    [Fact]
    public void AnEndpointThatShouldNotExist_IsUnexpected_OnlyWhenRegistered()
    {
        var absent = new WSManEndpointDesired("PowerShell.7", false, null);

        Assert.Equal([Code(ReasonId.Unexpected)], Codes(Analyze(absent, Registered(WSManPluginDocument.New(Desired())))));
        Assert.Empty(Analyze(absent, Observation(null) with { Preconditions = [new WSManPrecondition(WSManPreconditionId.NoListener, "x")] }));
    }

    [Theory]
    [InlineData(@"%windir%\system32\PowerShell\7.6.9\pwrshplugin.dll")]
    [InlineData(@"%SystemRoot%\System32\PowerShell\7.6.9\PWRSHPLUGIN.DLL")]
    [InlineData(@"C:\Windows\system32\PowerShell\7.6.9\pwrshplugin.dll")]
    [InlineData(@"C:/Windows//System32/PowerShell/7.6.9/pwrshplugin.dll")]
    public void TheFilename_ComparesAsAWindowsPath(string filename)
    {
        PluginConfiguration document = WSManPluginDocument.New(Desired());
        document.Filename = filename;

        Assert.Empty(Analyze(Desired(), Registered(document)));
    }

    [Fact]
    public void AFilenameElsewhere_IsFilenameUnexpected_NamingBothPaths()
    {
        PluginConfiguration document = WSManPluginDocument.New(Desired());
        document.Filename = @"%windir%\system32\PowerShell\7.6.3\pwrshplugin.dll";

        Reason reason = Assert.Single(Analyze(Desired(), Registered(document)));

        Assert.Equal(Code(ReasonId.FilenameUnexpected), reason.Code);
        Assert.Contains(@"7.6.3\pwrshplugin.dll", reason.Phrase, StringComparison.Ordinal);
        Assert.Contains(@"7.6.9\pwrshplugin.dll", reason.Phrase, StringComparison.Ordinal);
        Assert.Equal("pshome", reason.Property);
    }

    [Fact]
    public void TheRegistrationFields_EachHaveTheirReason()
    {
        var desired = Desired() with
        {
            Quotas = new Dictionary<string, long> { ["MaxShellsPerUser"] = 5 },
            SessionConfigurationFile = @"C:\ops\ops.pssc",
            RunAsVirtualAccount = true,
        };
        PluginConfiguration document = WSManPluginDocument.New(desired);
        document.InitializationParameters.PSVersion = "7.2";
        document.InitializationParameters.Set("configfilepath", @"C:\other.pssc");
        document.Quotas!.MaxShellsPerUser = 25;
        document.RunAsVirtualAccount = "false";
        document.Resources.Single().ResourceUri = "http://schemas.microsoft.com/powershell/Other";

        IReadOnlyList<Reason> reasons = Analyze(desired, Registered(document));

        // configfilepath is compared apart, after the rest of the registration: it must name a copy in $PSHOME\SessionConfig.
        Assert.Equal(
            [Code(ReasonId.RunAsVirtualAccountDiffers), Code(ReasonId.PSVersionMismatch), Code(ReasonId.ResourceUriMismatch), Code(ReasonId.QuotaDiffers), Code(ReasonId.SessionConfigurationCopyDiffers)],
            Codes(reasons));
        Assert.Equal(["runAsVirtualAccount", "pshome", "name", "maxShellsPerUser", "sessionConfigurationFile"], reasons.Select(reason => reason.Property));
    }

    [Fact]
    public void ADeclaredSessionConfigurationFile_RegisteredInPlace_OrNotAtAll_IsDrift()
    {
        // Register-PSSessionConfiguration registers a copy (CustomShellCommands.cs 950–995), never the file itself.
        var desired = Desired() with { SessionConfigurationFile = @"C:\ops\ops.pssc" };
        PluginConfiguration inPlace = WSManPluginDocument.New(desired);
        PluginConfiguration none = WSManPluginDocument.New(Desired());

        Assert.Equal([Code(ReasonId.SessionConfigurationCopyDiffers)], Codes(Analyze(desired, Registered(inPlace))));
        Assert.Equal([Code(ReasonId.SessionConfigurationFileDiffers)], Codes(Analyze(desired, Registered(none))));
    }

    /// <summary>
    /// The gMSA of the file is the plugin's RunAsUser (CustomShellCommands.cs 536–539, 1385–1386: 'DOMAIN\name$'): another
    /// account, or none (WinRM stores RunAsUser=""), is RunAsUserDiffers on sessionConfigurationFile; case is not drift.
    /// </summary>
    [Theory]
    [InlineData(@"CONTOSO\JEAgMSA$", false)]
    [InlineData(@"contoso\jeagmsa$", false)]
    [InlineData(@"CONTOSO\Other$", true)]
    [InlineData(@"CONTOSO\JEAgMSA", true)]
    [InlineData("", true)]
    [InlineData(null, true)]
    public void ARunAsUserOtherThanTheGroupManagedServiceAccount_IsRunAsUserDiffers(string? registered, bool drift)
    {
        var desired = Desired() with { RunAsUser = @"CONTOSO\JEAgMSA$" };
        PluginConfiguration document = WSManPluginDocument.New(desired);
        document.RunAsUser = registered;

        IReadOnlyList<Reason> reasons = Analyze(desired, Registered(document));

        Assert.Equal(drift ? [Code(ReasonId.RunAsUserDiffers)] : [], Codes(reasons));
        Assert.All(reasons, reason => Assert.Equal("sessionConfigurationFile", reason.Property));
        Assert.All(reasons, reason => Assert.Contains(@"expected 'CONTOSO\JEAgMSA$'", reason.Phrase, StringComparison.Ordinal));
    }

    /// <summary>Without a gMSA in the file, the RunAsUser is not enforced (only what is declared is).</summary>
    [Fact]
    public void ARunAsUserWithoutAGroupManagedServiceAccount_IsNoDrift()
    {
        PluginConfiguration document = WSManPluginDocument.New(Desired());
        document.RunAsUser = @"CONTOSO\Someone";

        Assert.Empty(Analyze(Desired(), Registered(document)));
    }

    [Fact]
    public void AnUndeclaredQuotaOrSetting_IsNoDrift()
    {
        PluginConfiguration document = WSManPluginDocument.New(Desired());
        document.Quotas!.MaxShellsPerUser = 1;
        document.RunAsVirtualAccount = "true";
        document.InitializationParameters.Set("configfilepath", @"C:\ops\ops.pssc");

        Assert.Empty(Analyze(Desired(), Registered(document)));
    }

    [Fact]
    public void ADisabledEndpoint_IsEndpointDisabled_UnlessDisabledIsDeclared()
    {
        PluginConfiguration document = WSManPluginDocument.New(Desired());
        document.Enabled = "false";

        Assert.Equal([Code(ReasonId.EndpointDisabled)], Codes(Analyze(Desired(), Registered(document))));
        Assert.Empty(Analyze(Desired() with { AccessMode = AccessMode.Disabled }, Registered(document)));
        Assert.Equal([Code(ReasonId.AccessModeDiffers)], Codes(Analyze(Desired() with { AccessMode = AccessMode.Remote }, Registered(document))));
    }

    [Theory]
    [InlineData("True", DefaultSddl.Local, AccessMode.Local)]
    [InlineData("True", DefaultSddl.Remote, AccessMode.Remote)]
    [InlineData("False", DefaultSddl.Local, AccessMode.Disabled)]
    [InlineData("True", "O:NSG:BAD:P(D;;GA;;;S-1-5-2)(A;;GA;;;BA)", AccessMode.Local)]
    public void TheAccessMode_IsDerivedFromEnabledAndTheNetworkDenyAce(string enabled, string sddl, AccessMode actual)
    {
        PluginConfiguration document = WSManPluginDocument.New(Desired());
        document.Enabled = enabled;
        document.Resources.Single().Security.Single().Sddl = sddl;

        foreach (AccessMode declared in Enum.GetValues<AccessMode>())
        {
            IReadOnlyList<Reason> reasons = Analyze(Desired() with { AccessMode = declared }, Registered(document));
            Assert.Equal(declared == actual ? [] : [Code(ReasonId.AccessModeDiffers)], Codes(reasons));
        }
    }

    [Theory]
    [InlineData("O:NSG:BAD:P(A;;GA;;;IU)(A;;GA;;;RM)(A;;GA;;;BA)S:P(AU;SA;GXGW;;;WD)(AU;FA;GA;;;WD)")]
    [InlineData("O:S-1-5-20G:S-1-5-32-544D:P(A;;GA;;;S-1-5-32-544)(A;;GA;;;S-1-5-32-580)(A;;GA;;;S-1-5-4)S:P(AU;FA;GA;;;S-1-1-0)(AU;SA;GXGW;;;S-1-1-0)")]
    public void TheSameAcesInAnotherOrderOrBySid_AreNoDrift(string actualSddl)
    {
        PluginConfiguration document = WSManPluginDocument.New(Desired());
        document.Resources.Single().Security.Single().Sddl = actualSddl;

        Assert.Empty(Analyze(Desired() with { SecurityDescriptorSddl = DefaultSddl.Remote }, Registered(document)));
    }

    [Theory]
    [InlineData("O:NSG:BAD:P(A;;GA;;;BA)(A;;GA;;;RM)S:P(AU;FA;GA;;;WD)(AU;SA;GXGW;;;WD)", "S-1-5-4")]
    [InlineData("O:NSG:BAD:P(A;;GR;;;BA)(A;;GA;;;RM)(A;;GA;;;IU)S:P(AU;FA;GA;;;WD)(AU;SA;GXGW;;;WD)", "")]
    [InlineData("not an sddl", "does not parse")]
    public void AMissingOrDifferentAce_OrAnUnparsableSddl_IsSecurityDiffers(string actualSddl, string phrase)
    {
        PluginConfiguration document = WSManPluginDocument.New(Desired());
        document.Resources.Single().Security.Single().Sddl = actualSddl;

        Reason reason = Assert.Single(Analyze(Desired() with { SecurityDescriptorSddl = DefaultSddl.Remote }, Registered(document)));

        Assert.Equal(Code(ReasonId.SecurityDiffers), reason.Code);
        Assert.Contains(phrase, reason.Phrase, StringComparison.Ordinal);
        Assert.Equal("securityDescriptorSddl", reason.Property);
    }

    [Fact]
    public void ADifferentSddl_IsNoDrift_WhenNoSddlIsDeclared()
    {
        PluginConfiguration document = WSManPluginDocument.New(Desired());
        document.Resources.Single().Security.Single().Sddl = "O:NSG:BAD:P(A;;GA;;;BA)";

        Assert.Empty(Analyze(Desired(), Registered(document)));
    }

    public static TheoryData<PluginDriftKind[], string[]> FolderDrift() => new()
    {
        { [PluginDriftKind.PluginMissing], [nameof(ReasonId.PluginMissing)] },
        { [PluginDriftKind.PluginHashDiffers], [nameof(ReasonId.StalePlugin)] },
        { [PluginDriftKind.PluginOlder], [nameof(ReasonId.StalePlugin)] },
        { [PluginDriftKind.SourcePluginMissing], [nameof(ReasonId.NoPluginInInstallation)] },
        { [PluginDriftKind.ConfigMissing], [nameof(ReasonId.PluginConfigMissing)] },
        { [PluginDriftKind.PSHomeDirMissing, PluginDriftKind.CoreClrDirMissing], [nameof(ReasonId.PluginConfigMissing)] },
        { [PluginDriftKind.PSHomeDirNotFound, PluginDriftKind.CoreClrDirNotFound], [nameof(ReasonId.InstallationGone)] },
        { [PluginDriftKind.PSHomeDirOther, PluginDriftKind.CoreClrDirOther], [nameof(ReasonId.BoundToOtherInstallation)] },
        { [PluginDriftKind.PluginHashDiffers, PluginDriftKind.PSHomeDirOther], [nameof(ReasonId.StalePlugin), nameof(ReasonId.BoundToOtherInstallation)] },
    };

    [Theory]
    [MemberData(nameof(FolderDrift))]
    public void PluginFolderDrift_IsOneReasonPerKindOfProblem_WithEveryMessage(PluginDriftKind[] kinds, string[] expected)
    {
        PluginInspection inspection = Inspection(null, [.. kinds.Select(kind => new PluginDrift(kind, $"<{kind}>"))]);

        IReadOnlyList<Reason> reasons = Analyze(Desired(), Registered(WSManPluginDocument.New(Desired())) with { Inspection = inspection });

        Assert.Equal(expected.Select(id => Reason.CodePrefix + id), Codes(reasons));
        Assert.All(kinds, kind => Assert.Contains(reasons, reason => reason.Phrase.Contains($"<{kind}>", StringComparison.Ordinal)));
        Assert.All(reasons, reason => Assert.Equal("pshome", reason.Property));
    }

    [Fact]
    public void AConfigNonAdminsCannotRead_IsPluginConfigNotReadable_ButOneTheyCannotWrite_IsNoDrift()
    {
        var cannotRead = new PluginFileAccessReport(true, [new MissingFileAccess("S-1-5-32-580", "Remote Management Users", "read", @"C:\x")]);
        var cannotWrite = new PluginFileAccessReport(true, [new MissingFileAccess("S-1-5-32-580", "Remote Management Users", "write", @"C:\x")]);
        PluginDrift drift = new(PluginDriftKind.ConfigAccessMissing, "access");
        var registered = Registered(WSManPluginDocument.New(Desired()));

        Assert.Equal([Code(ReasonId.PluginConfigNotReadable)], Codes(Analyze(Desired(), registered with { Inspection = Inspection(cannotRead, [drift]) })));
        Assert.Empty(Analyze(Desired(), registered with { Inspection = Inspection(cannotWrite, [drift]) }));
    }

    [Theory]
    [InlineData(true, "7.6.9", null, false)]
    [InlineData(true, "7.4.6", null, true)]
    [InlineData(false, null, "WSManFault 2689860592", true)]
    public void ALoopbackSession_IsConnectionFailed_WhenItFailsOrAnswersWithAnotherVersion(bool connected, string? version, string? error, bool drift)
    {
        var observed = Registered(WSManPluginDocument.New(Desired())) with { Connection = new ConnectionProbeResult(connected, version, error) };

        IReadOnlyList<Reason> reasons = Analyze(Desired(), observed);

        Assert.Equal(drift ? [Code(ReasonId.ConnectionFailed)] : [], Codes(reasons));
        Assert.All(reasons, reason => Assert.Contains(error ?? version!, reason.Phrase, StringComparison.Ordinal));
    }

    private static WSManEndpointDesired Desired() => new("PowerShell.7", true, V769);

    private static IReadOnlyList<Reason> Analyze(WSManEndpointDesired desired, WSManEndpointObservation observed) => Analyzer.Analyze(desired, observed);

    private static WSManEndpointObservation Observation(PluginConfiguration? configuration) =>
        new("PowerShell.7", configuration, null, null, null, null, []);

    /// <summary>A registered plugin; the configuration goes through its XML, as the observer reads it.</summary>
    private static WSManEndpointObservation Registered(PluginConfiguration configuration) =>
        Observation(PluginConfiguration.Parse(configuration.ToXml()));

    private static PluginInspection Inspection(PluginFileAccessReport? access, IReadOnlyList<PluginDrift> drift) =>
        new(new PluginDirectory(WindowsDirectory, "7.6.9"), V769.PSHome, drift, null, null, null, access);

    private static string Code(ReasonId id) => Reason.CodePrefix + id;

    private static string[] Codes(IEnumerable<Reason> reasons) => [.. reasons.Select(reason => reason.Code)];
}
