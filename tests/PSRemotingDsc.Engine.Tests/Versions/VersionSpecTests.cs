using PSRemotingDsc.Errors;
using PSRemotingDsc.Versions;

namespace PSRemotingDsc.Tests.Versions;

public class VersionSpecTests
{
    [Theory]
    [InlineData("7", 7, null, null, false, false)]
    [InlineData("7.4", 7, 4, null, false, false)]
    [InlineData("7.4.6", 7, 4, 6, false, true)]
    [InlineData("7-preview", 7, null, null, true, false)]
    [InlineData("7.6-preview", 7, 6, null, true, false)]
    [InlineData("7.6.0-preview", 7, 6, 0, true, false)]
    [InlineData("7.6.0-preview.5", 7, 6, 0, true, true)]
    [InlineData("7.5.0-rc.1", 7, 5, 0, true, true)]
    [InlineData("7.3.0-preview.8-29-g52c6b12", 7, 3, 0, true, true)]
    [InlineData("0", 0, null, null, false, false)]
    public void Parse_ReadsTheParts_ForEveryAcceptedForm(string text, int major, int? minor, int? patch, bool isPreview, bool isExact)
    {
        var spec = VersionSpec.Parse(text);

        Assert.Equal(major, spec.Major);
        Assert.Equal(minor, spec.Minor);
        Assert.Equal(patch, spec.Patch);
        Assert.Equal(isPreview, spec.IsPreview);
        Assert.Equal(isExact, spec.IsExact);
        Assert.Equal(text, spec.ToString());
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData(" 7", "whitespace")]
    [InlineData("7 ", "whitespace")]
    [InlineData("7.4\n", "whitespace")]
    [InlineData("v7", "'v7' is not a number")]
    [InlineData("7.x", "'x' is not a number")]
    [InlineData("*", "'*' is not a number")]
    [InlineData("-7", "neither a prefix")]
    [InlineData("7.-1", "neither a prefix")]
    [InlineData("7.4.6.1", "more than three")]
    [InlineData("7.4.6.1-preview", "more than three")]
    [InlineData("07", "'07' is not a number")]
    [InlineData("7.", "'' is not a number")]
    [InlineData("7..4", "'' is not a number")]
    [InlineData("-preview", "'' is not a number")]
    [InlineData("7-Preview", "neither a prefix")]
    [InlineData("7-rc", "neither a prefix")]
    [InlineData("7.6-preview.5", "neither a prefix")]
    [InlineData("latest", "'latest' is not a number")]
    [InlineData("99999999999", "is not a number")]
    public void TryParse_Fails_WithAReasonAndTheAcceptedForms(string text, string reason)
    {
        Assert.False(VersionSpec.TryParse(text, out var spec, out string? error));

        Assert.Null(spec);
        Assert.NotNull(error);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Contains(VersionSpec.AcceptedForms, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_Fails_ForNull()
    {
        Assert.False(VersionSpec.TryParse(null, out _, out string? error));
        Assert.Contains("empty", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ThrowsVersionSpecInvalid_WithInvalidPropertyExitCode()
    {
        var error = Assert.Throws<PSRemotingDscException>(() => VersionSpec.Parse("7.x"));

        Assert.Equal("VersionSpecInvalid", error.ErrorId);
        Assert.Equal(ExitCode.InvalidProperty, error.ExitCode);
        Assert.Contains("'7.x'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'7-preview'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("7", "7.4.6", true)]
    [InlineData("7", "7.0.0", true)]
    [InlineData("7", "6.2.7", false)]
    [InlineData("7", "7.6.0-preview.5", false)]
    [InlineData("7", "7.5.0-rc.1", false)]
    [InlineData("7", "7.4.0-3-gabcdef0", false)]
    [InlineData("7.4", "7.4.6", true)]
    [InlineData("7.4", "7.5.0", false)]
    [InlineData("7.4", "7.4.7-rc.1", false)]
    [InlineData("7.4.6", "7.4.6", true)]
    [InlineData("7.4.6", "7.4.7", false)]
    [InlineData("7.4.6", "7.4.6-rc.1", false)]
    [InlineData("7-preview", "7.6.0-preview.5", true)]
    [InlineData("7-preview", "7.5.0-rc.1", true)]
    [InlineData("7-preview", "7.3.0-preview.8-29-g52c6b12", true)]
    [InlineData("7-preview", "7.6.9", false)]
    [InlineData("7-preview", "8.0.0-preview.1", false)]
    [InlineData("7.6-preview", "7.6.0-preview.5", true)]
    [InlineData("7.6-preview", "7.5.0-preview.5", false)]
    [InlineData("7.6.0-preview", "7.6.0-rc.1", true)]
    [InlineData("7.6.0-preview", "7.6.1-preview.1", false)]
    [InlineData("7.6.0-preview.5", "7.6.0-preview.5", true)]
    [InlineData("7.6.0-preview.5", "7.6.0-preview.6", false)]
    [InlineData("7.6.0-preview.5", "7.6.0", false)]
    [InlineData("7.6.0-preview.5", "7.6.0-preview.5-1-gabcdef0", false)]
    [InlineData("7.5.0-rc.1", "7.5.0-rc.1", true)]
    public void Matches_FollowsTheStableAndPreviewRules(string specText, string versionText, bool expected)
    {
        Assert.Equal(expected, VersionSpec.Parse(specText).Matches(PowerShellVersion.Parse(versionText)));
    }

    [Theory]
    [InlineData("7", "7.6.9")]
    [InlineData("7.4", "7.4.10")]
    [InlineData("7.4.6", "7.4.6")]
    [InlineData("7-preview", "7.7.0-preview.10")]
    [InlineData("7.6-preview", "7.6.0-rc.1")]
    [InlineData("7.6.0-preview.5", "7.6.0-preview.5")]
    [InlineData("7.3-preview", "7.3.0-preview.9")]
    [InlineData("6", "6.2.7")]
    public void SelectBest_PicksTheHighestMatchingVersion(string specText, string expected)
    {
        var installations = new[]
        {
            "6.2.7", "7.4.6", "7.4.10", "7.4.9", "7.6.9", "7.6.0-preview.5", "7.6.0-rc.1", "7.6.0-preview.10",
            "7.7.0-preview.9", "7.7.0-preview.10", "7.3.0-preview.8-29-g52c6b12", "7.3.0-preview.9", "7.3.0-preview.8",
        }.Select(Installation);

        var best = VersionSpec.Parse(specText).SelectBest(installations);

        Assert.NotNull(best);
        Assert.Equal(expected, best.Version.ToString());
    }

    /// <summary>An installation in the NuGet package cache (a dotnet local tool) is chosen only when nothing else matches: clearing the cache breaks its endpoints.</summary>
    [Fact]
    public void SelectBest_ChoosesAnInstallationInThePackageCache_Last()
    {
        PowerShellInstallation cached = Installation("7.6.9") with { Origin = PowerShellInstallation.LocalDotnetToolOrigin };
        PowerShellInstallation installed = Installation("7.4.6");

        Assert.Equal(installed, VersionSpec.Parse("7").SelectBest([cached, installed]));
        Assert.Equal(cached, VersionSpec.Parse("7.6").SelectBest([cached, installed]));
        Assert.True(cached.IsInPackageCache);
        Assert.False(installed.IsInPackageCache);
    }

    [Fact]
    public void SelectBest_ReturnsNull_WhenOnlyPreviewsMatchAStableSpec()
    {
        var installations = new[] { Installation("7.6.0-preview.5"), Installation("7.5.0-rc.1") };

        Assert.Null(VersionSpec.Parse("7").SelectBest(installations));
    }

    [Fact]
    public void SelectBest_KeepsTheFirstInstallation_WhenVersionsTie()
    {
        var first = Installation("7.4.6") with { PSHome = "/opt/first" };
        var second = Installation("7.4.6") with { PSHome = "/opt/second" };

        Assert.Same(first, VersionSpec.Parse("7.4").SelectBest([first, second]));
    }

    private static PowerShellInstallation Installation(string version) =>
        new(PowerShellVersion.Parse(version), "/opt/microsoft/powershell/" + version, "/opt/microsoft/powershell/" + version + "/pwsh", "test");
}
