using PSRemotingDsc.Errors;
using PSRemotingDsc.WSMan.Security;

namespace PSRemotingDsc.Tests.WSMan.Security;

public class SidTests
{
    public static TheoryData<string> FixedAliases =>
        new(SecurityIdentifiers.All.Where(entry => !entry.IsRelative).Select(entry => entry.Alias));

    public static TheoryData<string> RelativeAliases =>
        new(SecurityIdentifiers.All.Where(entry => entry.IsRelative).Select(entry => entry.Alias));

    [Theory]
    [MemberData(nameof(FixedAliases))]
    public void Parse_MapsEveryFixedAlias_ToItsSidString_InAnyCase_AndBack(string alias)
    {
        var entry = SecurityIdentifiers.FindByAlias(alias)!;

        var sid = Sid.Parse(alias.ToLowerInvariant());

        Assert.Equal(entry.Value, sid.Value);
        Assert.Equal(sid, Sid.Parse(entry.Value!));
        Assert.Equal(alias, sid.ToSddl());
        Assert.Equal($"{entry.Value} ({entry.DisplayName})", sid.ToString());
    }

    [Theory]
    [MemberData(nameof(RelativeAliases))]
    public void Parse_KeepsMachineAndDomainRelativeAliases_AsAliases(string alias)
    {
        var sid = Sid.Parse(alias.ToLowerInvariant());

        Assert.True(sid.IsRelative);
        Assert.Equal(alias, sid.Value);
        Assert.Equal(alias, sid.ToSddl());
        Assert.Contains("RID", sid.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheAliasTable_HasTheValuesPowerShellAndWindowsDocument()
    {
        Assert.Equal("S-1-5-32-544", Sid.Parse("BA").Value);
        Assert.Equal("S-1-5-32-580", Sid.Parse("RM").Value);
        Assert.Equal("S-1-5-4", Sid.Parse("IU").Value);
        Assert.Equal("S-1-5-2", Sid.Parse("NU").Value);
        Assert.Equal("S-1-5-20", Sid.Parse("NS").Value);
        Assert.Equal("S-1-1-0", Sid.Parse("WD").Value);
        Assert.Equal("S-1-5-18", Sid.Parse("SY").Value);
        Assert.Equal("S-1-5-11", Sid.Parse("AU").Value);
        Assert.Equal(500, SecurityIdentifiers.FindByAlias("LA")!.RelativeId);
        Assert.Equal(SecurityIdentifiers.All.Count, SecurityIdentifiers.All.Select(entry => entry.Alias).Distinct().Count());
        Assert.Equal(
            SecurityIdentifiers.All.Count(entry => entry.Value is not null),
            SecurityIdentifiers.All.Where(entry => entry.Value is not null).Select(entry => entry.Value).Distinct().Count());
    }

    [Theory]
    [InlineData("S-1-5-32-544", "S-1-5-32-544")]
    [InlineData("s-1-5-32-544", "S-1-5-32-544")]
    [InlineData("S-1-5-21-1-2-3-1001", "S-1-5-21-1-2-3-1001")]
    [InlineData("S-1-0x5-18", "S-1-5-18")]
    [InlineData("S-1-0x123456789ABC-1", "S-1-0x123456789ABC-1")]
    [InlineData("S-1-5-0018", "S-1-5-18")]
    public void Parse_CanonicalizesSidStrings(string text, string expected)
    {
        Assert.Equal(expected, Sid.Parse(text).Value);
    }

    [Theory]
    [InlineData("S-2-5-18")]
    [InlineData("S-1")]
    [InlineData("S-1-5-x")]
    [InlineData("S-1-5-4294967296")]
    [InlineData("S-1-5-1-2-3-4-5-6-7-8-9-10-11-12-13-14-15-16")]
    [InlineData("S-1-281474976710656-1")]
    [InlineData("BAD")]
    public void Parse_RejectsMalformedSids_AsSddlInvalid(string text)
    {
        var error = Assert.Throws<PSRemotingDscException>(() => Sid.Parse(text));

        Assert.Equal("SddlInvalid", error.ErrorId);
        Assert.Equal(ExitCode.SddlInvalid, error.ExitCode);
    }

    [Fact]
    public void Parse_RejectsAnUnknownAlias_NamingItAndPointingAtTheSidForm()
    {
        var error = Assert.Throws<PSRemotingDscException>(() => Sid.Parse("ZZ"));

        Assert.Equal("SidAliasUnknown", error.ErrorId);
        Assert.Equal(ExitCode.SddlInvalid, error.ExitCode);
        Assert.Contains("'ZZ'", error.Message, StringComparison.Ordinal);
        Assert.Contains("S-1-", error.Message, StringComparison.Ordinal);
    }
}
