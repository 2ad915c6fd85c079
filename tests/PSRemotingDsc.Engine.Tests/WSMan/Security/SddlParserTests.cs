using PSRemotingDsc.Errors;
using PSRemotingDsc.WSMan.Security;

namespace PSRemotingDsc.Tests.WSMan.Security;

public class SddlParserTests
{
    [Fact]
    public void Parse_ReadsOwnerGroupDaclAndSacl_OfThePowerShellRemoteDefault()
    {
        var descriptor = SddlParser.Parse(SddlFixtures.Sddl("powershell-remote-win8.sddl"));

        Assert.Equal("S-1-5-20", descriptor.Owner!.Value);
        Assert.Equal("S-1-5-32-544", descriptor.Group!.Value);
        Assert.Equal(AclFlags.Protected, descriptor.Dacl!.Flags);
        Assert.Equal(
            [
                new AccessControlEntry(AceType.AccessAllowed, AceFlags.None, AccessMask.GenericAll, Sid.Parse("S-1-5-32-544")),
                new AccessControlEntry(AceType.AccessAllowed, AceFlags.None, AccessMask.GenericAll, Sid.Parse("S-1-5-32-580")),
                new AccessControlEntry(AceType.AccessAllowed, AceFlags.None, AccessMask.GenericAll, Sid.Parse("S-1-5-4")),
            ],
            descriptor.Dacl.Entries);
        Assert.Equal(AclFlags.Protected, descriptor.Sacl!.Flags);
        Assert.Equal(
            [
                new AccessControlEntry(AceType.SystemAudit, AceFlags.FailedAccess, AccessMask.GenericAll, Sid.Parse("S-1-1-0")),
                new AccessControlEntry(AceType.SystemAudit, AceFlags.SuccessfulAccess, AccessMask.GenericExecute | AccessMask.GenericWrite, Sid.Parse("S-1-1-0")),
            ],
            descriptor.Sacl.Entries);
    }

    [Theory]
    [InlineData("A", AceType.AccessAllowed)]
    [InlineData("D", AceType.AccessDenied)]
    [InlineData("AU", AceType.SystemAudit)]
    [InlineData("AL", AceType.SystemAlarm)]
    [InlineData("XA", AceType.AccessAllowedCallback)]
    [InlineData("XD", AceType.AccessDeniedCallback)]
    [InlineData("xa", AceType.AccessAllowedCallback)]
    public void Parse_ReadsEveryAceType(string token, AceType expected)
    {
        Assert.Equal(expected, SddlParser.Parse($"D:({token};;GA;;;BA)").Dacl!.Entries.Single().Type);
    }

    [Theory]
    [InlineData("OI", AceFlags.ObjectInherit)]
    [InlineData("CI", AceFlags.ContainerInherit)]
    [InlineData("NP", AceFlags.NoPropagateInherit)]
    [InlineData("IO", AceFlags.InheritOnly)]
    [InlineData("ID", AceFlags.Inherited)]
    [InlineData("SA", AceFlags.SuccessfulAccess)]
    [InlineData("FA", AceFlags.FailedAccess)]
    [InlineData("OICIIO", AceFlags.ObjectInherit | AceFlags.ContainerInherit | AceFlags.InheritOnly)]
    [InlineData("ciOi", AceFlags.ObjectInherit | AceFlags.ContainerInherit)]
    public void Parse_ReadsEveryAceFlag(string token, AceFlags expected)
    {
        Assert.Equal(expected, SddlParser.Parse($"S:(AU;{token};GA;;;WD)").Sacl!.Entries.Single().Flags);
    }

    [Theory]
    [InlineData("", AclFlags.None)]
    [InlineData("P", AclFlags.Protected)]
    [InlineData("AI", AclFlags.AutoInherited)]
    [InlineData("AR", AclFlags.AutoInheritRequired)]
    [InlineData("PAI", AclFlags.Protected | AclFlags.AutoInherited)]
    [InlineData("PARAI", AclFlags.Protected | AclFlags.AutoInheritRequired | AclFlags.AutoInherited)]
    [InlineData("pai", AclFlags.Protected | AclFlags.AutoInherited)]
    public void Parse_ReadsDaclFlags(string flags, AclFlags expected)
    {
        Assert.Equal(expected, SddlParser.Parse($"D:{flags}(A;;GA;;;BA)").Dacl!.Flags);
    }

    [Fact]
    public void Parse_ReadsNoAccessControl_AsANullDacl()
    {
        var dacl = SddlParser.Parse("O:BAD:NO_ACCESS_CONTROL").Dacl!;

        Assert.True(dacl.IsNull);
        Assert.Empty(dacl.Entries);
    }

    [Theory]
    [InlineData("GA", 0x10000000u)]
    [InlineData("GXGW", 0x60000000u)]
    [InlineData("GWGX", 0x60000000u)]
    [InlineData("gagr", 0x90000000u)]
    [InlineData("0x10000000", 0x10000000u)]
    [InlineData("0X1200A9", 0x1200A9u)]
    [InlineData("268435456", 0x10000000u)]
    [InlineData("FA", 0x1F01FFu)]
    [InlineData("RCSDWDWO", 0xF0000u)]
    [InlineData("KR", 0x20019u)]
    [InlineData("", 0u)]
    public void Parse_ReadsRightsAsAliasesHexOrDecimal(string rights, uint expected)
    {
        Assert.Equal(expected, SddlParser.Parse($"D:(A;;{rights};;;BA)").Dacl!.Entries.Single().Mask);
    }

    [Theory]
    [InlineData("o:nsg:bad:p(a;;ga;;;ba)")]
    [InlineData("O:S-1-5-20G:S-1-5-32-544D:P(A;;0x10000000;;;S-1-5-32-544)")]
    [InlineData("  D:P(A;;GA;;;BA) (A;;GA;;;RM)\tS:P(AU;FA;GA;;;WD)  O:NS G:BA ")]
    public void Parse_IsCaseInsensitive_AcceptsAnySectionOrder_AndWhitespaceBetweenParts(string sddl)
    {
        var descriptor = SddlParser.Parse(sddl);

        Assert.Equal("S-1-5-20", descriptor.Owner!.Value);
        Assert.Equal("S-1-5-32-544", descriptor.Group!.Value);
        Assert.True(descriptor.Dacl!.IsProtected);
        Assert.Equal("S-1-5-32-544", descriptor.Dacl.Entries[0].Sid.Value);
    }

    [Fact]
    public void Parse_ReadsSectionSidsThatEndRightBeforeTheNextTag()
    {
        var descriptor = SddlParser.Parse("O:SOG:SYD:(A;;GA;;;SO)");

        Assert.Equal("S-1-5-32-549", descriptor.Owner!.Value);
        Assert.Equal("S-1-5-18", descriptor.Group!.Value);
    }

    [Fact]
    public void Parse_KeepsTheConditionOfAConditionalAceVerbatim()
    {
        var sddl = SddlFixtures.Sddl("requiredgroups-conditional.sddl");

        var entry = SddlParser.Parse(sddl).Dacl!.Entries[0];

        Assert.Equal(AceType.AccessAllowedCallback, entry.Type);
        Assert.Equal("S-1-5-21-1111111111-2222222222-3333333333-1001", entry.Sid.Value);
        Assert.Equal(
            "((Member_of {SID(S-1-5-21-1111111111-2222222222-3333333333-2001)} || Member_of {SID(S-1-5-21-1111111111-2222222222-3333333333-2002)}) && (Member_of {SID(BA)}))",
            entry.Condition);
    }

    [Fact]
    public void Parse_AllowsParenthesesAndSemicolonsInsideConditionStrings()
    {
        var entry = SddlParser.Parse("D:(XA;;GA;;;WD;(@User.Title == \"a);(b\"))(A;;GA;;;BA)").Dacl!.Entries;

        Assert.Equal("(@User.Title == \"a);(b\")", entry[0].Condition);
        Assert.Equal(2, entry.Count);
    }

    [Theory]
    [InlineData("", 1, "empty")]
    [InlineData("X:BA", 1, "expected a section")]
    [InlineData("O:BAO:SY", 5, "appears twice")]
    [InlineData("O:D:(A;;GA;;;BA)", 3, "owner SID is missing")]
    [InlineData("D:Q(A;;GA;;;BA)", 3, "unknown DACL flag")]
    [InlineData("D:(A;;GA;;;BA", 3, "not closed")]
    [InlineData("D:(A;;GA;;BA)", 3, "expected type;flags;rights")]
    [InlineData("D:(OA;;GA;;;BA)", 4, "ACE type 'OA' is not supported")]
    [InlineData("D:(A;XX;GA;;;BA)", 6, "unknown ACE flag 'XX'")]
    [InlineData("D:P(A;;GAXY;;;BA)", 10, "unknown access right 'XY'")]
    [InlineData("D:(A;;0x1G;;;BA)", 7, "not a 32-bit hex access mask")]
    [InlineData("D:(A;;99999999999;;;BA)", 7, "not a 32-bit decimal access mask")]
    [InlineData("D:(A;;GA;bf967aba-0de6-11d0-a285-00aa003049e2;;BA)", 10, "object GUIDs")]
    [InlineData("D:(A;;GA;;;)", 12, "no SID")]
    [InlineData("D:(A;;GA;;;S-1-5-x)", 12, "not a valid SID")]
    [InlineData("D:(A;;GA;;;BA;(x))", 15, "only conditional ACEs")]
    [InlineData("D:(XA;;GA;;;BA;x)", 16, "must be in parentheses")]
    [InlineData("D:NO_ACCESS_CONTROL(A;;GA;;;BA)", 20, "cannot have ACEs")]
    [InlineData("D:(A;;GA;;;BA)x", 15, "unexpected text in the DACL")]
    public void Parse_RejectsInvalidSddl_NamingThePositionAndTheProblem(string sddl, int position, string problem)
    {
        var error = Assert.Throws<PSRemotingDscException>(() => SddlParser.Parse(sddl));

        Assert.Equal("SddlInvalid", error.ErrorId);
        Assert.Equal(ExitCode.SddlInvalid, error.ExitCode);
        Assert.Contains($"at character {position} ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_QuotesTheAceThatFailed()
    {
        var error = Assert.Throws<PSRemotingDscException>(() => SddlParser.Parse("O:NSG:BAD:P(A;;GA;;;BA)(A;;GQ;;;RM)"));

        Assert.Equal("Invalid SDDL at character 28 in \"(A;;GQ;;;RM)\": unknown access right 'GQ'; use GA, GR, GW, GX, a standard right such as RC, SD, WD, WO, FA or KA, or a mask such as 0x10000000", error.Message);
    }

    [Fact]
    public void Parse_ReportsAnUnknownSidAlias_AsSidAliasUnknown_WithItsPosition()
    {
        var error = Assert.Throws<PSRemotingDscException>(() => SddlParser.Parse("O:NSG:BAD:P(A;;GA;;;QQ)"));

        Assert.Equal("SidAliasUnknown", error.ErrorId);
        Assert.Equal(ExitCode.SddlInvalid, error.ExitCode);
        Assert.StartsWith("Invalid SDDL at character 21 in \"(A;;GA;;;QQ)\": 'QQ' is not a documented SDDL SID alias.", error.Message, StringComparison.Ordinal);
        Assert.Contains("S-1-… form", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReportsAnUnknownOwnerAlias_AsSidAliasUnknown()
    {
        var error = Assert.Throws<PSRemotingDscException>(() => SddlParser.Parse("O:XYG:BA"));

        Assert.Equal("SidAliasUnknown", error.ErrorId);
        Assert.Contains("at character 3 ", error.Message, StringComparison.Ordinal);
    }
}
