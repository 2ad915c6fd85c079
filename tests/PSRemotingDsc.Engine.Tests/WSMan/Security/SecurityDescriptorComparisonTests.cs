using PSRemotingDsc.WSMan.Security;

namespace PSRemotingDsc.Tests.WSMan.Security;

public class SecurityDescriptorComparisonTests
{
    private static IReadOnlyList<string> Differences(string expected, string actual) =>
        SecurityDescriptorComparison.Differences(SddlParser.Parse(expected), SddlParser.Parse(actual));

    [Theory]
    [InlineData("ACE order within the allow set", "D:P(A;;GA;;;IU)(A;;GA;;;RM)(A;;GA;;;BA)")]
    [InlineData("SIDs in S-1 form", "D:P(A;;GA;;;S-1-5-32-544)(A;;GA;;;S-1-5-32-580)(A;;GA;;;s-1-5-4)")]
    [InlineData("hex and decimal masks", "D:P(A;;0x10000000;;;BA)(A;;268435456;;;RM)(A;;0X10000000;;;IU)")]
    [InlineData("the same ACE written twice", "D:P(A;;GA;;;BA)(A;;GA;;;RM)(A;;GA;;;IU)(A;;0x10000000;;;S-1-5-32-544)")]
    [InlineData("lower case", "d:p(a;;ga;;;ba)(a;;ga;;;rm)(a;;ga;;;iu)")]
    [InlineData("an ACE granting nothing", "D:P(A;;GA;;;BA)(A;;GA;;;RM)(A;;;;;WD)(A;;GA;;;IU)")]
    [InlineData("AI and AR flags", "D:PARAI(A;;GA;;;BA)(A;;GA;;;RM)(A;;GA;;;IU)")]
    public void Descriptors_AreEquivalent_Despite(string why, string dacl)
    {
        _ = why;
        var expected = "O:NSG:BAD:P(A;;GA;;;BA)(A;;GA;;;RM)(A;;GA;;;IU)";

        Assert.Empty(Differences(expected, "O:NSG:BA" + dacl));
        Assert.True(SecurityDescriptorComparison.AreEquivalent(SddlParser.Parse(expected), SddlParser.Parse("O:NS" + dacl)));
    }

    [Fact]
    public void DuplicatedSids_InDifferentAceOrder_MergeToTheSameMasks()
    {
        Assert.Empty(Differences(
            "D:(D;;GW;;;NU)(A;;GX;;;BA)(D;;GR;;;NU)(A;;GW;;;BA)",
            "D:(A;;GWGX;;;BA)(D;;GRGW;;;NU)"));
    }

    [Fact]
    public void AllowBeforeDeny_ComparesAsTheSameSet()
    {
        Assert.Empty(Differences(DefaultSddl.Local, "O:NSG:BAD:P(A;;GA;;;BA)(A;;GA;;;RM)(A;;GA;;;IU)(D;;GA;;;NU)S:P(AU;SA;GWGX;;;WD)(AU;FA;GA;;;WD)"));
    }

    [Fact]
    public void AMissingAllow_IsReportedWithSidAndStableName()
    {
        Assert.Equal(
            ["DACL is missing: allow GENERIC_ALL to S-1-5-32-580 (Remote Management Users)"],
            Differences(DefaultSddl.Remote, DefaultSddl.RemotePreWindows8));
    }

    [Fact]
    public void AnExtraDeny_IsReported()
    {
        Assert.Equal(
            ["DACL has an extra entry: deny GENERIC_ALL to S-1-5-2 (Network)"],
            Differences(DefaultSddl.Remote, DefaultSddl.Local));
    }

    [Fact]
    public void ADifferentMask_IsReportedAsAChangedEntry()
    {
        Assert.Equal(
            ["DACL entry differs: expected allow GENERIC_ALL to S-1-5-32-544 (Administrators), actual allow GENERIC_EXECUTE | GENERIC_READ to S-1-5-32-544 (Administrators)"],
            Differences("D:P(A;;GA;;;BA)", "D:P(A;;GRGX;;;BA)"));
    }

    [Fact]
    public void DifferentAceFlagsOrTypes_AreDifferentEntries()
    {
        Assert.Equal(
            [
                "DACL is missing: allow GENERIC_ALL to S-1-5-32-544 (Administrators)",
                "DACL has an extra entry: allow [OICI] GENERIC_ALL to S-1-5-32-544 (Administrators)",
            ],
            Differences("D:P(A;;GA;;;BA)", "D:P(A;OICI;GA;;;BA)"));
        Assert.Equal(
            [
                "SACL is missing: audit [SA] GENERIC_EXECUTE | GENERIC_WRITE to S-1-1-0 (Everyone)",
                "SACL has an extra entry: audit [FA] GENERIC_EXECUTE | GENERIC_WRITE to S-1-1-0 (Everyone)",
            ],
            Differences("S:P(AU;SA;GXGW;;;WD)", "S:P(AU;FA;GXGW;;;WD)"));
    }

    [Fact]
    public void OwnerAndProtection_AreCompared()
    {
        Assert.Equal(
            [
                "Owner differs: expected S-1-5-20 (Network Service), actual S-1-5-32-544 (Administrators)",
                "DACL is not protected from inheritance, expected protected (P)",
            ],
            Differences("O:NSD:P(A;;GA;;;BA)", "O:BAD:(A;;GA;;;BA)"));
        Assert.Equal(["Owner differs: expected S-1-5-20 (Network Service), actual none"], Differences("O:NSD:P(A;;GA;;;BA)", "D:P(A;;GA;;;BA)"));
    }

    [Fact]
    public void TheGroup_IsComparedOnlyWhenBothAreSet()
    {
        Assert.Empty(Differences("O:NSD:P(A;;GA;;;BA)", "O:NSG:SYD:P(A;;GA;;;BA)"));
        Assert.Equal(
            ["Group differs: expected S-1-5-32-544 (Administrators), actual S-1-5-18 (Local System)"],
            Differences("O:NSG:BAD:P(A;;GA;;;BA)", "O:NSG:SYD:P(A;;GA;;;BA)"));
    }

    [Fact]
    public void TheSacl_IsComparedOnlyWhenBothArePresent()
    {
        Assert.Empty(Differences("O:NSG:BAD:P(A;;GA;;;BA)(A;;GA;;;RM)(A;;GA;;;IU)", DefaultSddl.Remote));
        Assert.Equal(
            ["SACL has an extra entry: audit [FA] GENERIC_ALL to S-1-1-0 (Everyone)"],
            Differences("O:NSG:BAD:P(A;;GA;;;BA)(A;;GA;;;RM)(A;;GA;;;IU)S:P(AU;SA;GXGW;;;WD)", DefaultSddl.Remote));
    }

    [Fact]
    public void AMissingOrNullDacl_DiffersFromAnyDacl()
    {
        Assert.Equal(
            ["DACL is NO_ACCESS_CONTROL (full access for everyone), expected DACL P(A;;GA;;;BA)"],
            Differences("D:P(A;;GA;;;BA)", "D:NO_ACCESS_CONTROL"));
        Assert.Single(Differences("O:NSD:P(A;;GA;;;BA)", "O:NS"));
        Assert.NotEmpty(Differences("D:", "D:NO_ACCESS_CONTROL"));
    }

    [Fact]
    public void ConditionalAces_CompareTheirConditions_WithoutWhitespaceCaseOrAliasDifferences()
    {
        Assert.Empty(Differences(
            "D:(XA;;GA;;;WD;(Member_of {SID(BA)}))",
            "D:(XA;;GA;;;WD;( member_of {SID(S-1-5-32-544)} ))"));
        Assert.Equal(
            [
                "DACL is missing: conditionally allow GENERIC_ALL to S-1-1-0 (Everyone) when (Member_of {SID(BA)})",
                "DACL has an extra entry: conditionally allow GENERIC_ALL to S-1-1-0 (Everyone) when (Member_of {SID(BU)})",
            ],
            Differences("D:(XA;;GA;;;WD;(Member_of {SID(BA)}))", "D:(XA;;GA;;;WD;(Member_of {SID(BU)}))"));
        Assert.NotEmpty(Differences("D:(XA;;GA;;;WD;(@User.x == \"A\"))", "D:(XA;;GA;;;WD;(@User.x == \"a\"))"));
    }

    [Fact]
    public void RelativeAliases_EqualOnlyThemselves()
    {
        Assert.Empty(Differences("D:(A;;GA;;;LA)", "D:(A;;GA;;;la)"));
        Assert.Equal(
            [
                "DACL is missing: allow GENERIC_ALL to LA (local Administrator account, RID 500 of the machine or domain)",
                "DACL has an extra entry: allow GENERIC_ALL to S-1-5-21-1-2-3-500",
            ],
            Differences("D:(A;;GA;;;LA)", "D:(A;;GA;;;S-1-5-21-1-2-3-500)"));
    }
}
