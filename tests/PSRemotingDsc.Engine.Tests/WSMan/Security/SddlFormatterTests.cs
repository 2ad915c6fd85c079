using PSRemotingDsc.WSMan.Security;

namespace PSRemotingDsc.Tests.WSMan.Security;

public class SddlFormatterTests
{
    public static TheoryData<string> Fixtures => SddlFixtures.Names;

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Format_WritesEveryPowerShellSddl_BackCharacterForCharacter(string fixture)
    {
        var sddl = SddlFixtures.Sddl(fixture);

        Assert.Equal(sddl, SddlFormatter.Format(SddlParser.Parse(sddl)));
    }

    [Theory]
    [InlineData("O:S-1-5-20G:S-1-5-32-544D:P(A;;0x10000000;;;S-1-5-32-544)(A;;268435456;;;S-1-5-32-580)", "O:NSG:BAD:P(A;;GA;;;BA)(A;;GA;;;RM)")]
    [InlineData("S:P(AU;SA;GWGX;;;WD)D:P(A;;GA;;;BA)G:BAO:NS", "O:NSG:BAD:P(A;;GA;;;BA)S:P(AU;SA;GXGW;;;WD)")]
    [InlineData("D:AIP(A;CIOI;GA;;;BA)", "D:PAI(A;OICI;GA;;;BA)")]
    [InlineData("D:(A;;GA;;;BA)(D;;GA;;;NU)", "D:(D;;GA;;;NU)(A;;GA;;;BA)")]
    [InlineData("D:(A;ID;GA;;;SY)(A;;GR;;;BA)(A;;GW;;;BA)", "D:(A;;GWGR;;;BA)(A;ID;GA;;;SY)")]
    [InlineData("D:(A;;0;;;BA)(A;;GA;;;SY)", "D:(A;;GA;;;SY)")]
    [InlineData("D:(A;;0x1200a9;;;S-1-5-21-1-2-3-1001)", "D:(A;;0x1200a9;;;S-1-5-21-1-2-3-1001)")]
    [InlineData("D:(A;;0x1f01ff;;;la)", "D:(A;;FA;;;LA)")]
    [InlineData("d:no_access_control", "D:NO_ACCESS_CONTROL")]
    [InlineData("D:", "D:")]
    public void Format_WritesCanonicalSddl_InWindowsOrder_WithAliasesWhereTheyExist(string input, string expected)
    {
        Assert.Equal(expected, SddlFormatter.Format(SddlParser.Parse(input)));
    }

    [Theory]
    [InlineData("O:S-1-5-21-1-2-3-500G:DUD:PAI(D;OICI;FR;;;AN)(A;;RCSDWDWO;;;S-1-5-80-1-2-3-4-5)(XD;;GA;;;WD;(Member_of {SID(BG)}))(A;ID;KA;;;CO)S:(AL;SA;GA;;;SY)(AU;FASA;0x1;;;AU)")]
    [InlineData("D:(A;;GR;;;BA)(A;;GW;;;BA)(D;;GA;;;NU)(A;;GX;;;S-1-5-32-544)")]
    [InlineData("O:LAG:LGD:NO_ACCESS_CONTROLS:")]
    public void ParseOfFormat_IsEquivalentToTheOriginal(string sddl)
    {
        var original = SddlParser.Parse(sddl);

        var again = SddlParser.Parse(SddlFormatter.Format(original));

        Assert.Empty(SecurityDescriptorComparison.Differences(original, again));
        Assert.Equal(SddlFormatter.Format(original), SddlFormatter.Format(again));
    }
}
