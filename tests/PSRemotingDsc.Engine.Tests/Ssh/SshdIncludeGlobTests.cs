using PSRemotingDsc.Ssh;

namespace PSRemotingDsc.Tests.Ssh;

public class SshdIncludeGlobTests
{
    [Theory]
    [InlineData("*.conf", "10-a.conf", true)]
    [InlineData("*.conf", "a.conf.bak", false)]
    [InlineData("*.conf", ".hidden.conf", false)]
    [InlineData(".*.conf", ".hidden.conf", true)]
    [InlineData("?-a.conf", "1-a.conf", true)]
    [InlineData("?-a.conf", "10-a.conf", false)]
    [InlineData("[0-4]*", "3x", true)]
    [InlineData("[0-4]*", "5x", false)]
    [InlineData("[!0-4]*", "5x", true)]
    [InlineData("[]a]", "]", true)]
    [InlineData("a[", "a[", true)]
    [InlineData("*", "", true)]
    [InlineData("a*b*c", "aXbYbZc", true)]
    [InlineData("a*b*c", "aXbYbZ", false)]
    public void MatchSegment_FollowsGlob3_ForOneSegment(string pattern, string name, bool expected)
    {
        Assert.Equal(expected, SshdIncludeGlob.MatchSegment(pattern, name));
    }

    [SkippableFact]
    public void MatchSegment_TreatsABackslashAsAnEscape_OutsideWindows()
    {
        Skip.If(OperatingSystem.IsWindows(), "on Windows a backslash separates path segments.");

        Assert.True(SshdIncludeGlob.MatchSegment("a\\*", "a*"));
        Assert.False(SshdIncludeGlob.MatchSegment("a\\*", "ab"));
    }

    [Fact]
    public void Expand_ReturnsMatchingPathsSorted_AcrossWildcardDirectories()
    {
        using var directory = new TempDirectory();
        var b = directory.WriteFile("x2/b.conf", string.Empty);
        var a = directory.WriteFile("x1/a.conf", string.Empty);
        var c = directory.WriteFile("x1/c.conf", string.Empty);
        directory.WriteFile("y1/d.conf", string.Empty);

        Assert.Equal([a, c, b], SshdIncludeGlob.Expand(Path.Combine(directory.Path, "x?", "*.conf")));
        Assert.Equal([a], SshdIncludeGlob.Expand(Path.Combine(directory.Path, "x1", "a.conf")));
        Assert.Empty(SshdIncludeGlob.Expand(Path.Combine(directory.Path, "z*", "*.conf")));
        Assert.Empty(SshdIncludeGlob.Expand(Path.Combine(directory.Path, "x1", "missing.conf")));
    }
}
