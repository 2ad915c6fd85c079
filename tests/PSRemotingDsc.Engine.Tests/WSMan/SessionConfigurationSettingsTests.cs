using PSRemotingDsc.Endpoints;
using PSRemotingDsc.Errors;
using PSRemotingDsc.Versions;
using PSRemotingDsc.WSMan;
using PSRemotingDsc.WSMan.Security;

namespace PSRemotingDsc.Tests.WSMan;

/// <summary>
/// What Register-PSSessionConfiguration -Path derives from the file (PowerShell
/// src/System.Management.Automation/engine/remoting/commands/CustomShellCommands.cs at 929903692e), and that a declared
/// property wins as the cmdlet's parameter does.
/// </summary>
public sealed class SessionConfigurationSettingsTests
{
    private const string File = @"C:\users\ops\Helpdesk.pssc";
    private static readonly PowerShellInstallation V769 = new(PowerShellVersion.Parse("7.6.9"), @"C:\Program Files\PowerShell\7", @"C:\Program Files\PowerShell\7\pwsh.exe", "test");
    private static readonly IAccountTranslator Accounts = new SessionConfigurationFixtures.MapTranslator();

    private static WSManEndpointDesired Declared(AccessMode? mode = null, string? sddl = null, bool? runAs = null) =>
        new("Helpdesk", true, V769, mode, sddl, SessionConfigurationFile: File, RunAsVirtualAccount: runAs);

    private static WSManEndpointDesired Apply(WSManEndpointDesired desired, string text, IAccountTranslator? accounts = null) =>
        SessionConfigurationSettings.Apply(desired, SessionConfigurationData.Parse(text, File), File, accounts ?? Accounts);

    // ---- RunAsVirtualAccount (CustomShellCommands.cs 893–897) -------------------------------------------------------

    [Theory]
    [InlineData("$true", true)]
    [InlineData("$false", false)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("''", false)]
    public void RunAsVirtualAccount_FromTheFile_WhenNotDeclared_ConvertedAsLanguagePrimitivesDoes(string value, bool expected)
    {
        Assert.Equal(expected, Apply(Declared(), $"@{{ RunAsVirtualAccount = {value} }}").RunAsVirtualAccount);
    }

    [Fact]
    public void RunAsVirtualAccount_Declared_WinsOverTheFile()
    {
        Assert.False(Apply(Declared(runAs: false), "@{ RunAsVirtualAccount = $true }").RunAsVirtualAccount);
        Assert.Null(Apply(Declared(), "@{ SessionType = 'Default' }").RunAsVirtualAccount);
    }

    // ---- RoleDefinitions → SDDL (ComputeSDDLFromConfiguration, CustomShellCommands.cs 1502–1570) -------------------

    [Fact]
    public void RoleDefinitions_GrantGenericAllToEachRole_OnTheRemoteDefault_WithEveryDefaultAcePurged()
    {
        WSManEndpointDesired derived = Apply(Declared(), SessionConfigurationFixtures.Jea);

        Assert.Equal(SessionConfigurationFixtures.JeaSddl, derived.SecurityDescriptorSddl);
        Assert.True(derived.RunAsVirtualAccount);
    }

    [Fact]
    public void RoleDefinitions_OnTheLocalDefault_PurgeItsNetworkDenyToo()
    {
        // 1532–1542 purge every DACL ACE, the (D;;GA;;;NU) of localSDDL included.
        Assert.Equal("O:NSG:BAD:P(A;;GA;;;BA)S:P(AU;FA;GA;;;WD)(AU;SA;GXGW;;;WD)",
            Apply(Declared(AccessMode.Local), @"@{ RoleDefinitions = @{ 'BUILTIN\Administrators' = @{} } }").SecurityDescriptorSddl);
    }

    [Fact]
    public void RoleDefinitions_Empty_OrAccessModeDisabled_DeriveNothing()
    {
        // 1560: an empty DACL leaves the SDDL empty; 1521–1528: Disabled has no default to start from.
        Assert.Null(Apply(Declared(), "@{ RoleDefinitions = @{} }").SecurityDescriptorSddl);
        Assert.Null(Apply(Declared(AccessMode.Disabled), SessionConfigurationFixtures.Jea).SecurityDescriptorSddl);
    }

    [Fact]
    public void DeclaredSddl_WinsOverRoleDefinitions_AndOverRequiredGroups()
    {
        // CustomShellCommands.cs 141: the file's SDDL replaces the registered one only when -SecurityDescriptorSddl is not given.
        const string declared = "O:NSG:BAD:P(A;;GA;;;BA)S:P(AU;FA;GA;;;WD)(AU;SA;GXGW;;;WD)";
        Assert.Equal(declared, Apply(Declared(sddl: declared), SessionConfigurationFixtures.Jea + "\n").SecurityDescriptorSddl);
        Assert.Equal(declared, Apply(Declared(sddl: declared), "@{ RequiredGroups = @{ Or = 'CONTOSO\\MFA' } }").SecurityDescriptorSddl);
    }

    [Fact]
    public void ARoleThatCannotBeTranslated_IsRefused_SayingToDeclareTheSddl()
    {
        var error = Assert.Throws<PSRemotingDscException>(() => Apply(Declared(), @"@{ RoleDefinitions = @{ 'CONTOSO\Nobody' = @{} } }"));

        Assert.Equal(ErrorIds.SessionConfigurationRoleNotResolved, error.Error);
        Assert.Contains(@"'CONTOSO\Nobody'", error.Message, StringComparison.Ordinal);
        Assert.Contains("securityDescriptorSddl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WhereNoTranslationIsAvailable_RoleDefinitions_AreRefused_SayingToDeclareTheSddl()
    {
        var error = Assert.Throws<PSRemotingDscException>(() => Apply(Declared(), SessionConfigurationFixtures.Jea, UnavailableAccountTranslator.Instance));

        Assert.Equal(ErrorIds.SessionConfigurationRoleNotResolved, error.Error);
        Assert.Contains("cannot be translated to SIDs here", error.Message, StringComparison.Ordinal);
        Assert.Contains("securityDescriptorSddl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RoleDefinitions_NotAHashtable_IsRefused()
    {
        var error = Assert.Throws<PSRemotingDscException>(() => Apply(Declared(), "@{ RoleDefinitions = 'CONTOSO\\Helpdesk' }"));

        Assert.Equal(ErrorIds.SessionConfigurationFileNotData, error.Error);
    }

    // ---- GroupManagedServiceAccount (CustomShellCommands.cs 905–908, 536–539, CreateGMSAAccountCredentials 1371–1389) ---

    /// <summary>905–908 read it, 536–539 use it when not empty, 1385–1386 append '$' (the password is empty, 1387).</summary>
    [Fact]
    public void AGroupManagedServiceAccount_IsTheRunAsUser_WithTheDollarPowerShellAppends()
    {
        WSManEndpointDesired derived = Apply(Declared(), "@{ GroupManagedServiceAccount = 'CONTOSO\\JEAgMSA' }");

        Assert.Equal("CONTOSO\\JEAgMSA$", derived.RunAsUser);
        Assert.Null(derived.RunAsVirtualAccount);
    }

    /// <summary>536: an empty name (or $null) is no gMSA: string.IsNullOrEmpty, no RunAs account.</summary>
    [Theory]
    [InlineData("''")]
    [InlineData("$null")]
    public void AnEmptyGroupManagedServiceAccount_IsNone(string value) =>
        Assert.Null(Apply(Declared(), $"@{{ GroupManagedServiceAccount = {value} }}").RunAsUser);

    /// <summary>
    /// 905–908 and 1138–1142 with 536–539: PowerShell writes RunAsVirtualAccount='True' and then sets RunAsUser, with no
    /// rule between them; the pair (from the file or with a declared runAsVirtualAccount) is refused, never written.
    /// </summary>
    [Theory]
    [InlineData("@{ RunAsVirtualAccount = $true; GroupManagedServiceAccount = 'CONTOSO\\JEAgMSA' }", null)]
    [InlineData("@{ GroupManagedServiceAccount = 'CONTOSO\\JEAgMSA' }", true)]
    public void AGroupManagedServiceAccount_WithAVirtualAccount_IsRefused_NamingTheFile(string file, bool? declared)
    {
        var error = Assert.Throws<PSRemotingDscException>(() => Apply(Declared(runAs: declared), file));

        Assert.Equal(ErrorIds.SessionConfigurationAccountUnsupported, error.Error);
        Assert.StartsWith(File + ": GroupManagedServiceAccount 'CONTOSO\\JEAgMSA'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", error.Message, StringComparison.Ordinal);
    }

    /// <summary>893–897 then 536–539: a declared runAsVirtualAccount false wins over the file's $true, and the gMSA then applies alone.</summary>
    [Fact]
    public void AGroupManagedServiceAccount_WithTheVirtualAccountDeclaredFalse_IsTheRunAsUser()
    {
        WSManEndpointDesired derived = Apply(Declared(runAs: false), "@{ RunAsVirtualAccount = $true; GroupManagedServiceAccount = 'CONTOSO\\JEAgMSA' }");

        Assert.Equal("CONTOSO\\JEAgMSA$", derived.RunAsUser);
        Assert.False(derived.RunAsVirtualAccount);
    }

    /// <summary>
    /// 1375–1383: split on '\', exactly two parts, neither empty, else InvalidGMSAName. Also refused: a name ending with
    /// '$' (1386 would append a second one) and a value that is not a string (907's 'as string' would drop it).
    /// </summary>
    [Theory]
    [InlineData("'JEAgMSA'", "not of the form")]
    [InlineData("'CONTOSO\\'", "not of the form")]
    [InlineData("'\\JEAgMSA'", "not of the form")]
    [InlineData("'CONTOSO\\Ops\\JEAgMSA'", "not of the form")]
    [InlineData("'JEAgMSA@contoso.com'", "not of the form")]
    [InlineData("'CONTOSO\\JEAgMSA$'", "ends with '$'")]
    [InlineData("'CONTOSO\\A', 'CONTOSO\\B'", "is not a string (it is an array)")]
    [InlineData("$true", "is not a string (it is a boolean)")]
    public void AGroupManagedServiceAccount_NotOfTheFormDomainNameUserName_IsRefused_NamingTheFile(string value, string problem)
    {
        var error = Assert.Throws<PSRemotingDscException>(() => Apply(Declared(), $"@{{ GroupManagedServiceAccount = {value} }}"));

        Assert.Equal(ErrorIds.SessionConfigurationAccountInvalid, error.Error);
        Assert.StartsWith(File + ": GroupManagedServiceAccount ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains("'DomainName\\UserName'", error.Message, StringComparison.Ordinal);
    }

    /// <summary>RunAsVirtualAccountGroups (899–903): one name or a list, joined by ';' (GetRunAsVirtualAccountGroupsString 1461–1466).</summary>
    [Theory]
    [InlineData("@{ RunAsVirtualAccount = $true; RunAsVirtualAccountGroups = 'Backup Operators' }", "Backup Operators")]
    [InlineData("@{ RunAsVirtualAccount = $true; RunAsVirtualAccountGroups = 'Backup Operators', 'Remote Management Users' }", "Backup Operators;Remote Management Users")]
    public void RunAsVirtualAccountGroups_AreReadFromTheFile(string file, string expected) =>
        Assert.Equal(expected, Apply(Declared(), file).RunAsVirtualAccountGroups);

    // ---- RequiredGroups (CreateConditionalACEFromConfig 1747, UpdateSDDLUsersWithGroupConditional 1592) ------------

    private const string Mfa = "S-1-5-21-1004336348-1177238915-682003330-1109";
    private const string Card1 = "S-1-5-21-1004336348-1177238915-682003330-1107";
    private const string Card2 = "S-1-5-21-1004336348-1177238915-682003330-1108";
    private const string Admins = "S-1-5-32-544";

    /// <summary>
    /// The expressions worked out from CreateConditionalACEFromConfig (1747–1886): AddCondition takes And before Or
    /// (1778–1791); ParseKeyValue wraps its values in parentheses and joins a list with " &amp;&amp; " or " || "
    /// (1794–1839); a group name is "Member_of {SID(S-1-…)}" (1869–1871); a hashtable recurses (1879), so a single
    /// nested hashtable gives two pairs of parentheses (not the one its comment at 1809–1811 shows).
    /// </summary>
    [Theory]
    [InlineData(@"@{ Or = 'CONTOSO\MFA' }", "(Member_of {SID(" + Mfa + ")})")]
    [InlineData(@"@{ And = 'CONTOSO\MFA', 'Administrators' }", "(Member_of {SID(" + Mfa + ")} && Member_of {SID(" + Admins + ")})")]
    [InlineData(@"@{ Or = 'CONTOSO\MFA', 'Administrators' }", "(Member_of {SID(" + Mfa + ")} || Member_of {SID(" + Admins + ")})")]
    [InlineData(@"@{ And = @{ Or = 'CONTOSO\SmartCard-Logon1', 'CONTOSO\SmartCard-Logon2' }, 'Administrators' }",
        "((Member_of {SID(" + Card1 + ")} || Member_of {SID(" + Card2 + ")}) && Member_of {SID(" + Admins + ")})")]
    [InlineData(@"@{ Or = 'CONTOSO\MFA', @{ And = 'CONTOSO\SmartCard-Logon1', 'CONTOSO\SmartCard-Logon2' } }",
        "(Member_of {SID(" + Mfa + ")} || (Member_of {SID(" + Card1 + ")} && Member_of {SID(" + Card2 + ")}))")]
    [InlineData(@"@{ Or = @{ And = 'CONTOSO\MFA' } }", "((Member_of {SID(" + Mfa + ")}))")]
    [InlineData(@"@{ Or = @{ And = 'CONTOSO\SmartCard-Logon1', 'CONTOSO\SmartCard-Logon2' }, @{ And = 'CONTOSO\MFA', 'Administrators' } }",
        "((Member_of {SID(" + Card1 + ")} && Member_of {SID(" + Card2 + ")}) || (Member_of {SID(" + Mfa + ")} && Member_of {SID(" + Admins + ")}))")]
    [InlineData(@"@{ Or = 'CONTOSO\MFA'; And = 'Administrators' }", "(Member_of {SID(" + Admins + ")})")]
    [InlineData(@"@{ or = 'CONTOSO\MFA' }", "(Member_of {SID(" + Mfa + ")})")]
    public void RequiredGroups_BecomeTheConditionPowerShellBuilds(string requiredGroups, string expected)
    {
        var table = SessionConfigurationData.Parse($"@{{ RequiredGroups = {requiredGroups} }}", File);

        Assert.Equal(expected, SessionConfigurationSettings.ConditionalAce(table, File, Accounts));
    }

    [Fact]
    public void RequiredGroups_WithRoleDefinitions_MakeEveryRoleAceConditional()
    {
        // ComputeSDDLFromConfiguration 1561–1568, UpdateSDDLUsersWithGroupConditional 1592–1661.
        WSManEndpointDesired derived = Apply(Declared(), SessionConfigurationFixtures.JeaWithRequiredGroups);

        Assert.Equal(SessionConfigurationFixtures.JeaWithRequiredGroupsSddl, derived.SecurityDescriptorSddl);
        Assert.True(derived.RunAsVirtualAccount);
    }

    [Fact]
    public void RequiredGroups_WithoutRoleDefinitions_MakeTheDefaultSddlConditional()
    {
        // 919–928 with the default SDDL of the access mode (444–456); every DACL ACE gets the X prefix (1645–1646).
        const string condition = "(Member_of {SID(" + Mfa + ")})";
        Assert.Equal($"O:NSG:BAD:P(XA;;GA;;;BA;{condition})(XA;;GA;;;RM;{condition})(XA;;GA;;;IU;{condition})S:P(AU;FA;GA;;;WD)(AU;SA;GXGW;;;WD)",
            Apply(Declared(), @"@{ RequiredGroups = @{ Or = 'CONTOSO\MFA' } }").SecurityDescriptorSddl);
        Assert.Equal($"O:NSG:BAD:P(XD;;GA;;;NU;{condition})(XA;;GA;;;BA;{condition})(XA;;GA;;;RM;{condition})(XA;;GA;;;IU;{condition})S:P(AU;FA;GA;;;WD)(AU;SA;GXGW;;;WD)",
            SessionConfigurationSettings.DeriveSddl(SessionConfigurationData.Parse(@"@{ RequiredGroups = @{ Or = 'CONTOSO\MFA' } }", File), AccessMode.Local, File, Accounts));
    }

    [Fact]
    public void RequiredGroups_WithEmptyRoleDefinitions_OrAccessModeDisabled_AddNothing()
    {
        // An empty RoleDefinitions gives the default SDDL (1559–1570), which is not empty, so 919 does not apply
        // RequiredGroups; Disabled has no default SDDL (444–456, 1521–1528).
        Assert.Null(Apply(Declared(), @"@{ RoleDefinitions = @{}; RequiredGroups = @{ Or = 'CONTOSO\MFA' } }").SecurityDescriptorSddl);
        Assert.Null(Apply(Declared(AccessMode.Disabled), SessionConfigurationFixtures.JeaWithRequiredGroups).SecurityDescriptorSddl);
        Assert.Null(Apply(Declared(AccessMode.Disabled), @"@{ RequiredGroups = @{ Or = 'CONTOSO\MFA' } }").SecurityDescriptorSddl);
    }

    [Fact]
    public void RequiredGroups_TheDerivedSddl_ParsesBack_AndComparesEqualToWhatWindowsWrites()
    {
        // WinRM may write the condition with its own spacing and aliases; the comparison normalizes both.
        string windows = SessionConfigurationFixtures.JeaWithRequiredGroupsSddl.Replace(" || ", "||", StringComparison.Ordinal).Replace("S-1-5-32-544", "BA", StringComparison.Ordinal);

        SecurityDescriptor parsed = SddlParser.Parse(SessionConfigurationFixtures.JeaWithRequiredGroupsSddl);

        Assert.Equal(SessionConfigurationFixtures.JeaWithRequiredGroupsSddl, parsed.ToSddl());
        Assert.All(parsed.Dacl!.Entries, entry => Assert.Equal(SessionConfigurationFixtures.JeaCondition, entry.Condition));
        Assert.True(SecurityDescriptorComparison.AreEquivalent(parsed, SddlParser.Parse(windows)));
        Assert.False(SecurityDescriptorComparison.AreEquivalent(parsed, SddlParser.Parse(SessionConfigurationFixtures.JeaSddl)));
    }

    [Fact]
    public void RequiredGroups_AGroupThatCannotBeTranslated_IsRefused_SayingToDeclareTheSddl()
    {
        var error = Assert.Throws<PSRemotingDscException>(() => Apply(Declared(), @"@{ RequiredGroups = @{ And = 'CONTOSO\MFA', 'CONTOSO\Nobody' } }"));

        Assert.Equal(ErrorIds.SessionConfigurationRequiredGroupsUnsupported, error.Error);
        Assert.Contains(@"'CONTOSO\Nobody'", error.Message, StringComparison.Ordinal);
        Assert.Contains("securityDescriptorSddl", error.Message, StringComparison.Ordinal);

        var unavailable = Assert.Throws<PSRemotingDscException>(() => Apply(Declared(), @"@{ RequiredGroups = @{ Or = 'CONTOSO\MFA' } }", UnavailableAccountTranslator.Instance));
        Assert.Equal(ErrorIds.SessionConfigurationRequiredGroupsUnsupported, unavailable.Error);
    }

    /// <summary>
    /// What PowerShell refuses (RequiredGroupsNotHashTable 1756–1759, UnknownGroupMembershipKey 1788–1791,
    /// UnknownGroupMembershipValue 1881–1884), and the lists from which it would write a malformed condition.
    /// </summary>
    [Theory]
    [InlineData(@"'CONTOSO\MFA'")]
    [InlineData(@"@{ Not = 'CONTOSO\MFA' }")]
    [InlineData(@"@{ And = @{} }")]
    [InlineData(@"@{ And = 1 }")]
    [InlineData(@"@{ And = '' }")]
    [InlineData(@"@{ And = $null }")]
    [InlineData(@"@{ And = @() }")]
    [InlineData(@"@{ And = @(@('CONTOSO\MFA', 'Administrators'), 'CONTOSO\MFA') }")]
    public void RequiredGroups_NotTheAndOrHashtable_AreRefused(string requiredGroups)
    {
        var error = Assert.Throws<PSRemotingDscException>(() => Apply(Declared(), $"@{{ RequiredGroups = {requiredGroups} }}"));

        Assert.Equal(ErrorIds.SessionConfigurationRequiredGroupsUnsupported, error.Error);
        Assert.Contains(File, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeclaredSddl_WinsOverRequiredGroups_EvenOnesThatCannotBeDerived()
    {
        // CustomShellCommands.cs 141: the file's SDDL is applied only when -SecurityDescriptorSddl is not given.
        const string declared = "O:NSG:BAD:P(A;;GA;;;BA)S:P(AU;FA;GA;;;WD)(AU;SA;GXGW;;;WD)";
        Assert.Equal(declared, Apply(Declared(sddl: declared), SessionConfigurationFixtures.JeaWithRequiredGroups).SecurityDescriptorSddl);
        Assert.Equal(declared, Apply(Declared(sddl: declared), @"@{ RequiredGroups = @{ Or = 'CONTOSO\Nobody' } }").SecurityDescriptorSddl);
    }

    [Fact]
    public void RequiredGroups_Empty_AddNothing()
    {
        // 1765–1768: an empty hashtable gives no conditional ACE.
        Assert.Null(Apply(Declared(), "@{ RequiredGroups = @{} }").SecurityDescriptorSddl);
    }
}
