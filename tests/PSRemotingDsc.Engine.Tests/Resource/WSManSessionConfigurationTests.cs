using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using PSRemotingDsc.Diagnostics;
using PSRemotingDsc.Drift;
using PSRemotingDsc.Endpoints;
using PSRemotingDsc.Errors;
using PSRemotingDsc.Platform;
using PSRemotingDsc.Resource;
using PSRemotingDsc.WSMan;
using PSRemotingDsc.WSMan.Host;
using PSRemotingDsc.WSMan.Plugin;
using PSRemotingDsc.WSMan.Security;
using PSRemotingDsc.Tests.WSMan;

namespace PSRemotingDsc.Tests.Resource;

/// <summary>
/// <c>sessionConfigurationFile</c> is never registered in place. Register-PSSessionConfiguration copies the .pssc to
/// <c>$PSHOME\SessionConfig\&lt;name&gt;_&lt;guid&gt;.pssc</c> and registers the copy as configfilepath (PowerShell
/// src/System.Management.Automation/engine/remoting/commands/CustomShellCommands.cs 950–995 at 929903692e);
/// Unregister-PSSessionConfiguration deletes whatever configfilepath names (2522–2528) and Get-PSSessionConfiguration
/// invoke-expressions it elevated (2763–2768), so a registered user-writable .pssc runs user code as administrator.
/// Against the same machine image as <see cref="WSManEndpointOperationsTests"/>.
/// </summary>
public sealed class WSManSessionConfigurationTests : IDisposable
{
    private static readonly XNamespace Ns = PluginConfiguration.Namespace;
    private const string Jea = "@{ SchemaVersion = '2.0.0.0'; SessionType = 'RestrictedRemoteServer' }\r\n";

    private readonly TempDirectory _dir = new();
    private readonly WindowsImage _image;
    private readonly string _v769;
    private readonly FixedInstallationSource _installations;
    private readonly string _source;
    private readonly WinRMHostSnapshot _host = new();

    public WSManSessionConfigurationTests()
    {
        _image = new WindowsImage(_dir.Combine("image"));
        string root = _dir.Combine("powershell");
        _v769 = FixtureInstallation.CreateWithPlugin(root, "7.6.9", "7");
        _installations = new FixedInstallationSource(FixtureInstallation.CreateWithPlugin(root, "7.4.6"), _v769);

        // A user-writable place: what the user declares, never what is registered.
        _source = _dir.WriteFile(Path.Join("users", "ops", "Helpdesk.pssc"), Jea);
    }

    private string CopyFolder => Path.Join(_v769, "SessionConfig");

    public void Dispose() => _dir.Dispose();

    // ---- plan and set: a copy in $PSHOME\SessionConfig is registered (CustomShellCommands.cs 950–995) ---------------

    [Fact]
    public void Set_CopiesThePsscToSessionConfigOfTheBoundInstallation_AndRegistersTheCopy()
    {
        OperationResult set = Resource().Set(Props(), whatIf: false);

        string registered = ConfigFilePath("PowerShell.7")!;
        AssertIsCopyPath("PowerShell.7", registered);
        Assert.Equal(File.ReadAllBytes(_source), File.ReadAllBytes(registered));
        Assert.Equal(Jea, File.ReadAllText(_source));
        Assert.Equal([Path.GetFileName(registered)], Directory.GetFiles(CopyFolder).Select(Path.GetFileName));
        Assert.Contains(set.Changes, change => change.File == CopyFolder && change.Description.Contains(registered, StringComparison.Ordinal));
        Assert.Empty(set.State.Reasons);
        Assert.Equal(_source, set.State.SessionConfigurationFile);
        Assert.True(Resource().Test(Props()).State.InDesiredState);
    }

    [Fact]
    public void SetWhatIf_ListsTheCopy_AndWritesNothing()
    {
        IReadOnlyList<string> before = _image.Listing();

        OperationResult whatIf = Resource().Set(Props(), whatIf: true);

        PlannedChange copy = Assert.Single(whatIf.Changes, change => change.File == CopyFolder);
        Assert.Matches(new Regex($"^copy '{Regex.Escape(_source)}' to '{Regex.Escape(CopyFolder)}.PowerShell\\.7_[0-9a-f-]{{36}}\\.pssc'"), copy.Description);
        Assert.Equal(before, _image.Listing());
        Assert.False(Directory.Exists(CopyFolder));
        Assert.Equal(_source, whatIf.State.SessionConfigurationFile);
    }

    [Fact]
    public void Set_ASourceThatDoesNotExist_FailsWithItsErrorId_AndChangesNothing()
    {
        File.Delete(_source);
        IReadOnlyList<string> before = _image.Listing();

        var error = Assert.Throws<PSRemotingDscException>(() => Resource().Set(Props(), whatIf: false));

        Assert.Equal(ErrorIds.SessionConfigurationFileMissing, error.Error);
        Assert.Contains(_source, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, _image.Listing());
        Assert.False(Directory.Exists(CopyFolder));
    }

    [Fact]
    public void Set_ASourceThatIsNotARegularFile_IsRefused()
    {
        string directory = _dir.Combine("users", "ops", "Folder.pssc");
        Directory.CreateDirectory(directory);

        var error = Assert.Throws<PSRemotingDscException>(() => Resource().Set(Props() with { SessionConfigurationFile = directory }, whatIf: false));

        Assert.Equal(ErrorIds.SessionConfigurationFileMissing, error.Error);
        Assert.Null(_image.ReadConfigXml("PowerShell.7"));
    }

    // ---- drift: each a SessionConfigurationCopyDiffers reason, repaired by a fresh copy ----------------------------

    [Fact]
    public void Drift_RegisteredInPlace_TheOldBehaviour_IsReported_AndSetRegistersACopy_KeepingTheUsersFile()
    {
        Resource().Set(Props() with { Restart = RestartPolicy.Never }, whatIf: false);
        string copy = ConfigFilePath("PowerShell.7")!;
        SetConfigFilePath("PowerShell.7", _source);

        OperationResult test = Resource().Test(Props());
        OperationResult set = Resource().Set(Props() with { Restart = RestartPolicy.Never }, whatIf: false);

        Assert.False(test.State.InDesiredState);
        Reason reason = Assert.Single(test.State.Reasons);
        Assert.Equal(Reason.CodePrefix + ReasonId.SessionConfigurationCopyDiffers, reason.Code);
        Assert.Contains("in place", reason.Phrase, StringComparison.Ordinal);
        Assert.Equal(["sessionConfigurationFile"], test.Properties);
        string fresh = ConfigFilePath("PowerShell.7")!;
        AssertIsCopyPath("PowerShell.7", fresh);
        Assert.NotEqual(copy, fresh);
        Assert.Equal(Jea, File.ReadAllText(_source));
        Assert.Equal(["WinRM"], set.State.RestartRequired);
        Assert.True(Resource().Test(Props()).State.InDesiredState);
    }

    [Fact]
    public void Drift_CopyMissing_IsReported_AndSetMakesAFreshCopyWithANewGuid()
    {
        Resource().Set(Props() with { Restart = RestartPolicy.Never }, whatIf: false);
        string copy = ConfigFilePath("PowerShell.7")!;
        File.Delete(copy);

        OperationResult test = Resource().Test(Props());
        Resource().Set(Props() with { Restart = RestartPolicy.Never }, whatIf: false);

        Assert.Equal([Reason.CodePrefix + ReasonId.SessionConfigurationCopyDiffers], test.State.Reasons.Select(reason => reason.Code));
        Assert.Contains("does not exist", test.State.Reasons[0].Phrase, StringComparison.Ordinal);
        string fresh = ConfigFilePath("PowerShell.7")!;
        Assert.NotEqual(copy, fresh);
        Assert.Equal(File.ReadAllBytes(_source), File.ReadAllBytes(fresh));
        Assert.True(Resource().Test(Props()).State.InDesiredState);
    }

    [Fact]
    public void Drift_SourceChanged_ComparedBySha256_IsReported_AndSetReplacesTheCopy_DeletingTheOldOne()
    {
        Resource().Set(Props() with { Restart = RestartPolicy.Never }, whatIf: false);
        string copy = ConfigFilePath("PowerShell.7")!;
        // A change the derived settings do not see (RunAsVirtualAccount or RoleDefinitions would also be drift of their own).
        const string Changed = "@{ SchemaVersion = '2.0.0.0'; SessionType = 'RestrictedRemoteServer'; Description = 'Helpdesk tools' }\r\n";
        File.WriteAllText(_source, Changed);

        OperationResult test = Resource().Test(Props());
        OperationResult set = Resource().Set(Props() with { Restart = RestartPolicy.Never }, whatIf: false);

        Reason reason = Assert.Single(test.State.Reasons);
        Assert.Equal(Reason.CodePrefix + ReasonId.SessionConfigurationCopyDiffers, reason.Code);
        Assert.Contains("SHA-256", reason.Phrase, StringComparison.Ordinal);

        // get reports what is registered while it is not an intact copy, so get output fed to test is not in the desired state.
        Assert.Equal(copy, test.State.SessionConfigurationFile);
        string fresh = ConfigFilePath("PowerShell.7")!;
        Assert.Equal(Changed, File.ReadAllText(fresh));
        Assert.False(File.Exists(copy));
        Assert.Contains(set.Changes, change => change.Description.StartsWith($"delete '{copy}'", StringComparison.Ordinal));
        Assert.Equal([Path.GetFileName(fresh)], Directory.GetFiles(CopyFolder).Select(Path.GetFileName));
        Assert.True(Resource().Test(Props()).State.InDesiredState);
    }

    [Fact]
    public void Drift_ACopyOutsideSessionConfig_IsReported_AndLeftAlone()
    {
        Resource().Set(Props() with { Restart = RestartPolicy.Never }, whatIf: false);
        string elsewhere = _dir.WriteFile(Path.Join("users", "ops", "PowerShell.7_copy.pssc"), Jea);
        SetConfigFilePath("PowerShell.7", elsewhere);

        OperationResult test = Resource().Test(Props());
        Resource().Set(Props() with { Restart = RestartPolicy.Never }, whatIf: false);

        Assert.Equal([Reason.CodePrefix + ReasonId.SessionConfigurationCopyDiffers], test.State.Reasons.Select(reason => reason.Code));
        AssertIsCopyPath("PowerShell.7", ConfigFilePath("PowerShell.7")!);
        Assert.True(File.Exists(elsewhere));
    }

    [Fact]
    public void AnUnchangedCopy_IsNoDrift_AndSetTouchesNothing()
    {
        Resource().Set(Props() with { Restart = RestartPolicy.Never }, whatIf: false);
        string copy = ConfigFilePath("PowerShell.7")!;
        AssertIsCopyPath("PowerShell.7", copy);
        DateTime longAgo = new(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(copy, longAgo);
        _image.AgeAllFiles(longAgo);
        IReadOnlyList<string> before = _image.Listing();

        OperationResult second = Resource().Set(Props(), whatIf: false);

        Assert.Empty(second.Changes);
        Assert.Equal(before, _image.Listing());
        Assert.Equal(copy, ConfigFilePath("PowerShell.7"));
        Assert.Equal(longAgo, File.GetLastWriteTimeUtc(copy));
    }

    // ---- get: what it reports keeps "get output fed to test" in the desired state ------------------------------------

    [Fact]
    public void Get_ReportsTheDeclaredFileWhileTheCopyMatches_AndTheCopyWhenNoneIsDeclared_BothInDesiredStateWhenFedToTest()
    {
        Resource().Set(Props(), whatIf: false);
        string copy = ConfigFilePath("PowerShell.7")!;
        AssertIsCopyPath("PowerShell.7", copy);

        EndpointState declared = Resource().Get(Props()).State;
        EndpointState undeclared = Resource().Get(Props() with { SessionConfigurationFile = null }).State;
        EndpointState exported = Assert.Single(Resource().Export(null));

        Assert.Equal(_source, declared.SessionConfigurationFile);
        Assert.Equal(copy, undeclared.SessionConfigurationFile);
        Assert.Equal(copy, exported.SessionConfigurationFile);
        Assert.True(Resource().Test(Props() with { SessionConfigurationFile = declared.SessionConfigurationFile }).State.InDesiredState);
        Assert.True(Resource().Test(Props() with { SessionConfigurationFile = undeclared.SessionConfigurationFile }).State.InDesiredState);
        Assert.True(Resource().Test(Props() with { SessionConfigurationFile = exported.SessionConfigurationFile }).State.InDesiredState);
    }

    // ---- removal: only a copy in $PSHOME\SessionConfig is ever deleted (never the user's file, cf. CustomShellCommands.cs 2528) --

    [Fact]
    public void Delete_DeletesTheCopyItMade_ButNeverAFileOutsideSessionConfig()
    {
        Resource().Set(Props(), whatIf: false);
        string copy = ConfigFilePath("PowerShell.7")!;
        AssertIsCopyPath("PowerShell.7", copy);

        // An endpoint registered in place, as psremotingdsc did before: its file is the user's own.
        Resource().Set(Props() with { Name = "Legacy" }, whatIf: false);
        string legacyCopy = ConfigFilePath("Legacy")!;
        string userFile = _dir.WriteFile(Path.Join("users", "ops", "Legacy_1.pssc"), Jea);
        SetConfigFilePath("Legacy", userFile);

        OperationResult deleteWhatIf = Resource().Delete(Props(), whatIf: true);
        Assert.True(File.Exists(copy));
        Resource().Delete(Props(), whatIf: false);
        OperationResult legacy = Resource().Delete(Props() with { Name = "Legacy" }, whatIf: false);

        Assert.Contains(deleteWhatIf.Changes, change => change.Description.StartsWith($"delete '{copy}'", StringComparison.Ordinal));
        Assert.False(File.Exists(copy));
        Assert.Null(_image.ReadConfigXml("PowerShell.7"));
        Assert.Null(_image.ReadConfigXml("Legacy"));
        Assert.Equal(Jea, File.ReadAllText(userFile));
        Assert.Equal(Jea, File.ReadAllText(_source));
        Assert.True(File.Exists(legacyCopy));
        Assert.Single(legacy.Changes);
    }

    [Fact]
    public void IsOwnCopy_OnlyARegularFileNamedForTheEndpoint_DirectlyInSessionConfig()
    {
        Directory.CreateDirectory(CopyFolder);
        string own = Path.Join(CopyFolder, "PowerShell.7_0b6d1c3e-1111-2222-3333-444455556666.pssc");
        File.WriteAllText(own, Jea);
        string other = Path.Join(CopyFolder, "Other_0b6d1c3e-1111-2222-3333-444455556666.pssc");
        File.WriteAllText(other, Jea);
        string escaping = Path.Join(CopyFolder, "..", "..", "users", "ops", "PowerShell.7_x.pssc");
        _dir.WriteFile(Path.Join("users", "ops", "PowerShell.7_x.pssc"), Jea);
        string link = Path.Join(CopyFolder, "PowerShell.7_link.pssc");
        File.CreateSymbolicLink(link, _source);

        Assert.True(SessionConfigurationFiles.IsOwnCopy(own, "PowerShell.7", _source, [_v769]));
        Assert.False(SessionConfigurationFiles.IsOwnCopy(own, "PowerShell.7", own, [_v769]));
        Assert.False(SessionConfigurationFiles.IsOwnCopy(other, "PowerShell.7", _source, [_v769]));
        Assert.False(SessionConfigurationFiles.IsOwnCopy(escaping, "PowerShell.7", _source, [_v769]));
        Assert.False(SessionConfigurationFiles.IsOwnCopy(link, "PowerShell.7", _source, [_v769]));
        Assert.False(SessionConfigurationFiles.IsOwnCopy(_source, "PowerShell.7", null, [_v769]));
        Assert.False(SessionConfigurationFiles.IsOwnCopy(own, "PowerShell.7", _source, [null]));
    }

    // ---- settings derived from the file's content (CustomShellCommands.cs 893–925, 1502–1570) --------------------

    [Fact]
    public void Set_WithRoleDefinitions_RegistersTheDerivedSddl_AndRunAsVirtualAccount_AndTestIsThenInTheDesiredState()
    {
        // ComputeSDDLFromConfiguration (1502–1570) and Register's Set-PSSessionConfiguration -SecurityDescriptorSddl (141–144);
        // RunAsVirtualAccount from the file (893–897).
        string jea = _dir.WriteFile(Path.Join("users", "ops", "Jea.pssc"), SessionConfigurationFixtures.Jea);
        EndpointProperties properties = Props() with { SessionConfigurationFile = jea, Restart = RestartPolicy.Never };

        OperationResult set = Resource().Set(properties, whatIf: false);

        PluginConfiguration registered = Registered("PowerShell.7");
        Assert.True(SecurityDescriptorComparison.AreEquivalent(SddlParser.Parse(SessionConfigurationFixtures.JeaSddl), SddlParser.Parse(WSManPluginDocument.SddlOf(registered)!)));
        Assert.True(WSManPluginDocument.RunsAsVirtualAccount(registered));
        Assert.Empty(set.State.Reasons);
        Assert.True(Resource().Test(properties).State.InDesiredState);
    }

    /// <summary>The virtual account's groups from the file are written as PowerShell writes them (CustomShellCommands.cs 309, 1138–1150) and compared.</summary>
    [Fact]
    public void Set_WritesTheVirtualAccountGroupsOfTheFile_AndTestThenIsInTheDesiredState()
    {
        string text = SessionConfigurationFixtures.Jea.Replace("RunAsVirtualAccount = $true", "RunAsVirtualAccount = $true\n    RunAsVirtualAccountGroups = 'Backup Operators', 'Remote Management Users'", StringComparison.Ordinal);
        string jea = _dir.WriteFile(Path.Join("users", "ops", "Groups.pssc"), text);
        EndpointProperties properties = Props() with { SessionConfigurationFile = jea, Restart = RestartPolicy.Never };

        Resource().Set(properties, whatIf: false);

        Assert.Equal("Backup Operators;Remote Management Users", Registered("PowerShell.7").RunAsVirtualAccountGroups);
        Assert.True(Resource().Test(properties).State.InDesiredState);
    }

    [Fact]
    public void Set_WithRequiredGroups_RegistersTheConditionalSddl_AndTestIsThenInTheDesiredState()
    {
        // CreateConditionalACEFromConfig (1747–1886) and UpdateSDDLUsersWithGroupConditional (1592–1661) applied to the
        // RoleDefinitions SDDL (1561–1568): every role's ACE is an XA ACE with the group condition.
        string jea = _dir.WriteFile(Path.Join("users", "ops", "Jea.pssc"), SessionConfigurationFixtures.JeaWithRequiredGroups);
        EndpointProperties properties = Props() with { SessionConfigurationFile = jea, Restart = RestartPolicy.Never };

        OperationResult set = Resource().Set(properties, whatIf: false);

        string registered = WSManPluginDocument.SddlOf(Registered("PowerShell.7"))!;
        Assert.Equal(SessionConfigurationFixtures.JeaWithRequiredGroupsSddl, registered);
        Assert.Empty(set.State.Reasons);
        Assert.True(Resource().Test(properties).State.InDesiredState);

        // Without the condition (the RoleDefinitions SDDL alone) the endpoint is not in the desired state.
        Resource().Set(properties with { SecurityDescriptorSddl = SessionConfigurationFixtures.JeaSddl }, whatIf: false);
        OperationResult test = Resource().Test(properties);
        Assert.Equal([Reason.CodePrefix + ReasonId.SecurityDiffers], test.State.Reasons.Select(reason => reason.Code));
        Assert.Equal(["securityDescriptorSddl"], test.Properties);
    }

    [Fact]
    public void Set_WithRequiredGroupsAndNoRoles_RegistersTheDefaultSddlMadeConditional_AndTestIsThenInTheDesiredState()
    {
        // 919–928: without RoleDefinitions the default SDDL of the access mode (444–456) is made conditional.
        File.WriteAllText(_source, "@{ SchemaVersion = '2.0.0.0'; SessionType = 'RestrictedRemoteServer'; RequiredGroups = @{ Or = 'CONTOSO\\MFA' } }\r\n");
        const string condition = "(Member_of {SID(S-1-5-21-1004336348-1177238915-682003330-1109)})";

        Resource().Set(Props() with { Restart = RestartPolicy.Never }, whatIf: false);

        Assert.Equal($"O:NSG:BAD:P(XA;;GA;;;BA;{condition})(XA;;GA;;;RM;{condition})(XA;;GA;;;IU;{condition})S:P(AU;FA;GA;;;WD)(AU;SA;GXGW;;;WD)",
            WSManPluginDocument.SddlOf(Registered("PowerShell.7")));
        Assert.True(Resource().Test(Props()).State.InDesiredState);
    }

    [Fact]
    public void Set_ADeclaredSddl_WinsOverRequiredGroups()
    {
        // CustomShellCommands.cs 141: the file's SDDL is applied only when -SecurityDescriptorSddl is not given.
        string jea = _dir.WriteFile(Path.Join("users", "ops", "Jea.pssc"), SessionConfigurationFixtures.JeaWithRequiredGroups);
        EndpointProperties properties = Props() with { SessionConfigurationFile = jea, SecurityDescriptorSddl = DefaultSddl.Remote, Restart = RestartPolicy.Never };

        Resource().Set(properties, whatIf: false);

        Assert.True(SecurityDescriptorComparison.AreEquivalent(SddlParser.Parse(DefaultSddl.Remote), SddlParser.Parse(WSManPluginDocument.SddlOf(Registered("PowerShell.7"))!)));
        Assert.True(Resource().Test(properties).State.InDesiredState);
    }

    [Fact]
    public void Drift_FromTheDerivedSddl_IsReported_OnSecurityDescriptorSddl()
    {
        string jea = _dir.WriteFile(Path.Join("users", "ops", "Jea.pssc"), SessionConfigurationFixtures.Jea);
        EndpointProperties properties = Props() with { SessionConfigurationFile = jea, Restart = RestartPolicy.Never };
        Resource().Set(properties, whatIf: false);
        Resource().Set(properties with { SessionConfigurationFile = jea, SecurityDescriptorSddl = DefaultSddl.Remote }, whatIf: false);

        OperationResult test = Resource().Test(properties);

        Assert.Equal([Reason.CodePrefix + ReasonId.SecurityDiffers], test.State.Reasons.Select(reason => reason.Code));
        Assert.Equal(["securityDescriptorSddl"], test.Properties);
    }

    [Fact]
    public void Set_ADeclaredSddl_WinsOverRoleDefinitions()
    {
        // CustomShellCommands.cs 141: the file's SDDL is applied only when -SecurityDescriptorSddl is not given.
        string jea = _dir.WriteFile(Path.Join("users", "ops", "Jea.pssc"), SessionConfigurationFixtures.Jea);
        EndpointProperties properties = Props() with { SessionConfigurationFile = jea, SecurityDescriptorSddl = DefaultSddl.Remote, Restart = RestartPolicy.Never };

        Resource().Set(properties, whatIf: false);

        Assert.True(SecurityDescriptorComparison.AreEquivalent(SddlParser.Parse(DefaultSddl.Remote), SddlParser.Parse(WSManPluginDocument.SddlOf(Registered("PowerShell.7"))!)));
        Assert.True(Resource().Test(properties).State.InDesiredState);
    }

    [Fact]
    public void Set_RunAsVirtualAccountFromTheFile_IsolatesWinRM_AndADeclaredFalseWins()
    {
        // 893–897; the parameter wins over the file.
        File.WriteAllText(_source, "@{ SchemaVersion = '2.0.0.0'; SessionType = 'RestrictedRemoteServer'; RunAsVirtualAccount = $true }\r\n");

        OperationResult set = Resource().Set(Props() with { Restart = RestartPolicy.Never }, whatIf: false);

        Assert.True(WSManPluginDocument.RunsAsVirtualAccount(Registered("PowerShell.7")));
        Assert.Contains(set.Changes, change => change.Description.StartsWith("run WinRM in its own service host", StringComparison.Ordinal));
        Assert.True(Resource().Test(Props()).State.InDesiredState);

        OperationResult declared = Resource().Set(Props() with { RunAsVirtualAccount = false, Restart = RestartPolicy.Never }, whatIf: false);

        Assert.False(WSManPluginDocument.RunsAsVirtualAccount(Registered("PowerShell.7")));
        Assert.False(declared.State.RunAsVirtualAccount);
        Assert.True(Resource().Test(Props() with { RunAsVirtualAccount = false }).State.InDesiredState);
        Assert.False(Resource().Test(Props()).State.InDesiredState);
    }

    [Fact]
    public void Set_WithAGroupManagedServiceAccount_RegistersItAsTheRunAsUser_AndAnotherAccountIsThenDrift()
    {
        // 905–908 and 536–539: the gMSA, as CreateGMSAAccountCredentials makes it ('DOMAIN\name$', empty password,
        // 1385–1388), set by set-item ...\RunAsUser after the plugin is created (123–129); no virtual account, no isolation.
        File.WriteAllText(_source, "@{ SchemaVersion = '2.0.0.0'; SessionType = 'RestrictedRemoteServer'; GroupManagedServiceAccount = 'CONTOSO\\JEAgMSA' }\r\n");
        EndpointProperties properties = Props() with { Restart = RestartPolicy.Never };

        OperationResult set = Resource().Set(properties, whatIf: false);

        PluginConfiguration registered = Registered("PowerShell.7");
        Assert.Equal(@"CONTOSO\JEAgMSA$", registered.RunAsUser);
        Assert.Equal(string.Empty, registered.RunAsPassword);
        Assert.False(WSManPluginDocument.RunsAsVirtualAccount(registered));
        Assert.DoesNotContain(set.Changes, change => change.Description.StartsWith("run WinRM in its own service host", StringComparison.Ordinal));
        Assert.Empty(set.State.Reasons);
        Assert.True(Resource().Test(properties).State.InDesiredState);

        // Another RunAs account (Set-Item WSMan:\localhost\Plugin\PowerShell.7\RunAsUser) is drift, and set puts the gMSA back.
        XDocument document = XDocument.Parse(_image.ReadConfigXml("PowerShell.7")!);
        document.Root!.SetAttributeValue("RunAsUser", @"CONTOSO\Other");
        _image.Register("PowerShell.7", document.Root!.ToString(SaveOptions.DisableFormatting));

        OperationResult test = Resource().Test(properties);
        Assert.Equal([Reason.CodePrefix + ReasonId.RunAsUserDiffers], test.State.Reasons.Select(reason => reason.Code));
        Assert.Equal(["sessionConfigurationFile"], test.Properties);

        Resource().Set(properties, whatIf: false);
        Assert.Equal(@"CONTOSO\JEAgMSA$", Registered("PowerShell.7").RunAsUser);
        Assert.True(Resource().Test(properties).State.InDesiredState);
    }

    [Theory]
    [InlineData("@{ SchemaVersion = '2.0.0.0'; Author = $env:USERNAME }", nameof(ErrorIds.SessionConfigurationFileNotData))]
    [InlineData("@{ RunAsVirtualAccount = $true; GroupManagedServiceAccount = 'CONTOSO\\JEAgMSA' }", nameof(ErrorIds.SessionConfigurationAccountUnsupported))]
    [InlineData("@{ GroupManagedServiceAccount = 'JEAgMSA' }", nameof(ErrorIds.SessionConfigurationAccountInvalid))]
    [InlineData("@{ SchemaVersion = '2.0.0.0'; Author = \"$(whoami)\" }", nameof(ErrorIds.SessionConfigurationFileNotData))]
    [InlineData("@{ RequiredGroups = @{ Or = 'CONTOSO\\Nobody' } }", nameof(ErrorIds.SessionConfigurationRequiredGroupsUnsupported))]
    [InlineData("@{ RequiredGroups = @{ Not = 'CONTOSO\\MFA' } }", nameof(ErrorIds.SessionConfigurationRequiredGroupsUnsupported))]
    [InlineData("@{ RoleDefinitions = @{ 'CONTOSO\\Nobody' = @{} } }", nameof(ErrorIds.SessionConfigurationRoleNotResolved))]
    public void Set_AFileThatIsNotData_OrCannotBeDerived_IsRefused_AndNothingIsWritten(string content, string errorId)
    {
        File.WriteAllText(_source, content);
        IReadOnlyList<string> before = _image.Listing();

        var error = Assert.Throws<PSRemotingDscException>(() => Resource().Set(Props(), whatIf: false));

        Assert.Equal(errorId, error.Error.Id);
        Assert.Contains(_source, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, _image.Listing());
        Assert.False(Directory.Exists(CopyFolder));
    }

    [Fact]
    public void Set_RoleDefinitions_WhereNoAccountCanBeTranslated_IsRefused_SayingToDeclareTheSddl()
    {
        string jea = _dir.WriteFile(Path.Join("users", "ops", "Jea.pssc"), SessionConfigurationFixtures.Jea);
        IReadOnlyList<string> before = _image.Listing();

        var error = Assert.Throws<PSRemotingDscException>(() => Resource(UnavailableAccountTranslator.Instance).Set(Props() with { SessionConfigurationFile = jea }, whatIf: false));

        Assert.Equal(ErrorIds.SessionConfigurationRoleNotResolved, error.Error);
        Assert.Contains("securityDescriptorSddl", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, _image.Listing());
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private EndpointProperties Props() => new() { Version = "7", Transport = Transport.Wsman, SessionConfigurationFile = _source };

    private string? ConfigFilePath(string name) =>
        PluginConfiguration.Parse(_image.ReadConfigXml(name)!).InitializationParameters[WSManPluginDocument.ConfigFilePathParameter];

    private void SetConfigFilePath(string name, string path)
    {
        XDocument document = XDocument.Parse(_image.ReadConfigXml(name)!);
        document.Root!.Descendants(Ns + "Param").Single(param => (string?)param.Attribute("Name") == WSManPluginDocument.ConfigFilePathParameter).SetAttributeValue("Value", path);
        _image.Register(name, document.Root!.ToString(SaveOptions.DisableFormatting));
    }

    /// <summary>&lt;PSHOME&gt;\SessionConfig\&lt;name&gt;_&lt;guid&gt;.pssc, as Register-PSSessionConfiguration names it (CustomShellCommands.cs 956–957).</summary>
    private void AssertIsCopyPath(string name, string path)
    {
        Assert.Equal(CopyFolder, Path.GetDirectoryName(path));
        Assert.Matches(new Regex($"^{Regex.Escape(name)}_[0-9a-f]{{8}}-[0-9a-f]{{4}}-[0-9a-f]{{4}}-[0-9a-f]{{4}}-[0-9a-f]{{12}}\\.pssc$"), Path.GetFileName(path));
    }

    private PluginConfiguration Registered(string name) => PluginConfiguration.Parse(_image.ReadConfigXml(name)!);

    private EndpointResource Resource(IAccountTranslator? accounts = null) => new(new ResourceEnvironment
    {
        Installations = _installations,
        Trace = NullTraceSink.Instance,
        FindSshd = () => null,
        IsWindows = true,
        DefaultSshdConfigPath = _dir.Combine("no-such", "sshd_config"),
        WSMan = Image(accounts ?? new SessionConfigurationFixtures.MapTranslator()),
    });

    /// <summary>The image, with one WinRM host for every resource of a test, so that isolating WinRM for a virtual account lasts.</summary>
    private WSManEnvironment Image(IAccountTranslator accounts)
    {
        WSManEnvironment image = WSManEnvironment.ForImage(_image.Root, accounts);
        return new WSManEnvironment
        {
            Store = image.Store,
            Host = _host,
            Elevation = image.Elevation,
            Session = image.Session,
            WindowsDirectory = image.WindowsDirectory,
            OSVersion = image.OSVersion,
            FileAccess = image.FileAccess,
            ConnectionProbe = image.ConnectionProbe,
            Accounts = image.Accounts,
        };
    }
}
