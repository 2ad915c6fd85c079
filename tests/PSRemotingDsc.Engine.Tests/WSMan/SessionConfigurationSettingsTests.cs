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

    /// <summary>GroupManagedServiceAccount (CustomShellCommands.cs 905–908) is not applied: refused, never ignored.</summary>
    [Fact]
    public void AGroupManagedServiceAccount_IsRefused()
    {
        var error = Assert.Throws<PSRemotingDscException>(() => Apply(Declared(), "@{ GroupManagedServiceAccount = 'CONTOSO\\JEAgMSA' }"));

        Assert.Equal(ErrorIds.SessionConfigurationAccountUnsupported.Id, error.ErrorId);
    }

    /// <summary>RunAsVirtualAccountGroups (899–903): one name or a list, joined by ';' (GetRunAsVirtualAccountGroupsString 1461–1466).</summary>
    [Theory]
    [InlineData("@{ RunAsVirtualAccount = $true; RunAsVirtualAccountGroups = 'Backup Operators' }", "Backup Operators")]
    [InlineData("@{ RunAsVirtualAccount = $true; RunAsVirtualAccountGroups = 'Backup Operators', 'Remote Management Users' }", "Backup Operators;Remote Management Users")]
    public void RunAsVirtualAccountGroups_AreReadFromTheFile(string file, string expected) =>
        Assert.Equal(expected, Apply(Declared(), file).RunAsVirtualAccountGroups);

    // ---- RequiredGroups (CreateConditionalACEFromConfig 1747, UpdateSDDLUsersWithGroupConditional 1592) ------------

    [Theory]
    [InlineData("@{ RequiredGroups = @{ And = @{ Or = 'CONTOSO\\SmartCard-Logon1', 'CONTOSO\\SmartCard-Logon2' }, 'Administrators' } }")]
    [InlineData("@{ RequiredGroups = @{ Or = 'CONTOSO\\MFA' }; RoleDefinitions = @{ 'CONTOSO\\Helpdesk' = @{} } }")]
    public void RequiredGroups_WithoutADeclaredSddl_AreRefused(string text)
    {
        var error = Assert.Throws<PSRemotingDscException>(() => Apply(Declared(), text));

        Assert.Equal(ErrorIds.SessionConfigurationRequiredGroupsUnsupported, error.Error);
        Assert.Contains("securityDescriptorSddl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequiredGroups_Empty_AddNothing()
    {
        // 1765–1768: an empty hashtable gives no conditional ACE.
        Assert.Null(Apply(Declared(), "@{ RequiredGroups = @{} }").SecurityDescriptorSddl);
    }
}
