using PSRemotingDsc.Errors;
using PSRemotingDsc.Versions;

namespace PSRemotingDsc.Tests.Versions;

public class PowerShellVersionTests
{
    [Theory]
    [InlineData("7.4.6", 7, 4, 6, null, null)]
    [InlineData("0.0.0", 0, 0, 0, null, null)]
    [InlineData("7.6.0-preview.5", 7, 6, 0, "preview.5", null)]
    [InlineData("7.5.0-rc.1", 7, 5, 0, "rc.1", null)]
    [InlineData("7.3.0-preview.8-29-g52c6b12", 7, 3, 0, "preview.8", "29-g52c6b12")]
    [InlineData("7.4.0-3-gabcdef0", 7, 4, 0, null, "3-gabcdef0")]
    [InlineData("10.20.30-alpha-beta.1", 10, 20, 30, "alpha-beta.1", null)]
    public void Parse_ReadsEveryPart_ForValidVersions(string text, int major, int minor, int patch, string? label, string? build)
    {
        var version = PowerShellVersion.Parse(text);

        Assert.Equal(major, version.Major);
        Assert.Equal(minor, version.Minor);
        Assert.Equal(patch, version.Patch);
        Assert.Equal(label, version.PreReleaseLabel);
        Assert.Equal(build, version.BuildLabel);
        Assert.Equal(label is not null || build is not null, version.IsPreRelease);
        Assert.Equal(text, version.ToString());
        Assert.Equal(version, PowerShellVersion.Parse(version.ToString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" 7.4.6")]
    [InlineData("7.4.6 ")]
    [InlineData("v7.4.6")]
    [InlineData("7")]
    [InlineData("7.4")]
    [InlineData("7.4.6.1")]
    [InlineData("7.x.0")]
    [InlineData("-7.4.6")]
    [InlineData("07.4.6")]
    [InlineData("7.4.06")]
    [InlineData("7.4.6-")]
    [InlineData("7.4.6-preview..1")]
    [InlineData("7.4.6-preview.01")]
    [InlineData("7.4.6-pre_view")]
    [InlineData("7.4.6+build")]
    [InlineData("7.6.9 SHA: 3a0b9fb")]
    [InlineData("99999999999.0.0")]
    public void TryParse_ReturnsFalse_ForInvalidText(string text)
    {
        Assert.False(PowerShellVersion.TryParse(text, out var version));
        Assert.Null(version);
    }

    [Fact]
    public void TryParse_ReturnsFalse_ForNull()
    {
        Assert.False(PowerShellVersion.TryParse(null, out _));
    }

    [Fact]
    public void Parse_ThrowsPowerShellVersionInvalid_WithTheTextAndAnExample()
    {
        var error = Assert.Throws<PSRemotingDscException>(() => PowerShellVersion.Parse("v7"));

        Assert.Equal("PowerShellVersionInvalid", error.ErrorId);
        Assert.Equal(ExitCode.InvalidProperty, error.ExitCode);
        Assert.Contains("'v7'", error.Message, StringComparison.Ordinal);
        Assert.Contains("7.6.0-preview.5", error.Message, StringComparison.Ordinal);
    }

    // Each row: lower < higher.
    [Theory]
    [InlineData("7.4.5", "7.4.6")]
    [InlineData("7.4.6", "7.5.0")]
    [InlineData("7.9.9", "7.10.0")]
    [InlineData("6.2.7", "7.0.0")]
    [InlineData("7.6.0-preview.5", "7.6.0")]
    [InlineData("7.6.0-preview.9", "7.6.0-preview.10")]
    [InlineData("7.6.0-preview.5", "7.6.0-rc.1")]
    [InlineData("7.6.0-rc.1", "7.6.0-rc.2")]
    [InlineData("7.6.0-rc.2", "7.6.0")]
    [InlineData("7.5.4", "7.6.0-preview.1")]
    [InlineData("7.6.0-preview", "7.6.0-preview.1")]
    [InlineData("7.6.0-1", "7.6.0-alpha")]
    [InlineData("7.3.0-preview.8", "7.3.0-preview.8-29-g52c6b12")]
    [InlineData("7.3.0-preview.8-29-g52c6b12", "7.3.0-preview.8-30-g0000000")]
    [InlineData("7.3.0-preview.8-9-gffffff0", "7.3.0-preview.8-10-g0000000")]
    [InlineData("7.3.0-preview.8-29-g52c6b12", "7.3.0-preview.9")]
    [InlineData("7.4.0", "7.4.0-3-gabcdef0")]
    [InlineData("7.4.0-3-gabcdef0", "7.4.1")]
    [InlineData("7.4.0-rc.1-5-gabcdef0", "7.4.0")]
    public void CompareTo_OrdersBySemVerPrecedence(string lowerText, string higherText)
    {
        var lower = PowerShellVersion.Parse(lowerText);
        var higher = PowerShellVersion.Parse(higherText);

        Assert.True(lower.CompareTo(higher) < 0, $"{lower} should sort before {higher}");
        Assert.True(higher.CompareTo(lower) > 0, $"{higher} should sort after {lower}");
        Assert.True(lower < higher);
        Assert.True(higher > lower);
        Assert.True(lower <= higher);
        Assert.True(higher >= lower);
        Assert.False(lower >= higher);
        Assert.True(lower != higher);
    }

    [Fact]
    public void Sorting_PutsPreviewsDevBuildsAndReleasesInPrecedenceOrder()
    {
        string[] expected =
        [
            "7.3.0-preview.8", "7.3.0-preview.8-29-g52c6b12", "7.3.0-preview.9", "7.3.0-preview.10",
            "7.3.0-rc.1", "7.3.0", "7.3.1", "7.4.6", "7.6.0-preview.5", "7.6.9",
        ];
        var shuffled = expected.Reverse().Select(PowerShellVersion.Parse).OrderBy(v => v.GetHashCode()).ToList();

        var sorted = shuffled.Order().Select(v => v.ToString());

        Assert.Equal(expected, sorted);
    }

    [Fact]
    public void Equals_IsTrue_ForTheSameTextParsedTwice()
    {
        var left = PowerShellVersion.Parse("7.3.0-preview.8-29-g52c6b12");
        var right = PowerShellVersion.Parse("7.3.0-preview.8-29-g52c6b12");

        Assert.True(left == right);
        Assert.True(left.Equals((object)right));
        Assert.Equal(0, left.CompareTo(right));
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
    }

    [Fact]
    public void Equals_IsCaseSensitive_ForLabels_AsSemVerComparesAscii()
    {
        var lower = PowerShellVersion.Parse("7.6.0-preview.5");
        var upper = PowerShellVersion.Parse("7.6.0-Preview.5");

        Assert.NotEqual(lower, upper);
        Assert.True(upper < lower);
    }

    [Fact]
    public void Null_SortsBeforeEveryVersion()
    {
        var version = PowerShellVersion.Parse("0.0.0");

        Assert.True(version.CompareTo(null) > 0);
        Assert.True(null < version);
        Assert.False(version == null);
        Assert.True((PowerShellVersion?)null == null);
    }

    [Fact]
    public void Constructor_RejectsAnInvalidLabel()
    {
        Assert.Throws<ArgumentException>(() => new PowerShellVersion(7, 4, 6, "pre view"));
        Assert.Throws<ArgumentException>(() => new PowerShellVersion(7, 4, 6, null, "29-gXYZ"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PowerShellVersion(-1, 4, 6));
    }
}
