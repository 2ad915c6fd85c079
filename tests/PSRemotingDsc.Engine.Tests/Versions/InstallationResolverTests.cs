using PSRemotingDsc.Errors;
using PSRemotingDsc.Versions;

namespace PSRemotingDsc.Tests.Versions;

public sealed class InstallationResolverTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly string stable;
    private readonly string older;
    private readonly string preview;
    private readonly InstallationResolver resolver;

    public InstallationResolverTests()
    {
        string root = temp.Combine("powershell");
        stable = FixtureInstallation.Create(root, "7.6.9", "7");
        older = FixtureInstallation.Create(root, "7.4.6", "7.4");
        preview = FixtureInstallation.Create(root, "7.7.0-preview.1", "7-preview");
        resolver = new InstallationResolver(new InstallationDiscovery(new InstallationDiscoveryOptions { IncludeWellKnown = false, ExtraRoots = [root] }));
    }

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("7", "7.6.9")]
    [InlineData("7.4", "7.4.6")]
    [InlineData("7.4.6", "7.4.6")]
    [InlineData("7-preview", "7.7.0-preview.1")]
    [InlineData("7.7.0-preview.1", "7.7.0-preview.1")]
    public void Resolve_PicksTheHighestMatchingInstallation_ForASpec(string spec, string expected)
    {
        var installation = resolver.Resolve(VersionSpec.Parse(spec), null);

        Assert.Equal(expected, installation.Version.ToString());
        Assert.Equal("extra-root", installation.Origin);
    }

    [Fact]
    public void Resolve_ThrowsPowerShellVersionNotInstalled_ListingWhatWasFound()
    {
        var error = Assert.Throws<PSRemotingDscException>(() => resolver.Resolve(VersionSpec.Parse("7.5"), null));

        Assert.Equal("PowerShellVersionNotInstalled", error.ErrorId);
        Assert.Equal(ExitCode.VersionNotFound, error.ExitCode);
        Assert.Contains("'7.5'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"7.6.9 at {stable}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"7.4.6 at {older}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"7.7.0-preview.1 at {preview}", error.Message, StringComparison.Ordinal);
        Assert.Contains("'7.5-preview'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_SaysNothingWasFound_WhenThereIsNoInstallation()
    {
        var empty = new InstallationResolver(new InstallationDiscovery(new InstallationDiscoveryOptions { IncludeWellKnown = false }));

        var error = Assert.Throws<PSRemotingDscException>(() => empty.Resolve(VersionSpec.Parse("7"), null));

        Assert.Equal("PowerShellVersionNotInstalled", error.ErrorId);
        Assert.Contains("No PowerShell installation was found", error.Message, StringComparison.Ordinal);
        Assert.Contains(InstallationDiscovery.ExtraRootsVariable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_ThrowsVersionSpecInvalid_ForABadSpec()
    {
        var error = Assert.Throws<PSRemotingDscException>(() => resolver.Resolve(VersionSpec.Parse("7.x"), null));

        Assert.Equal("VersionSpecInvalid", error.ErrorId);
        Assert.Equal(ExitCode.InvalidProperty, error.ExitCode);
    }

    [Fact]
    public void Resolve_ThrowsVersionSpecInvalid_WhenNeitherVersionNorPSHomeIsSet()
    {
        var error = Assert.Throws<PSRemotingDscException>(() => resolver.Resolve(null, null));

        Assert.Equal("VersionSpecInvalid", error.ErrorId);
        Assert.Contains("'pshome'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_UsesThePinnedPSHome_EvenWhenAHigherVersionMatches()
    {
        var installation = resolver.Resolve(VersionSpec.Parse("7"), older);

        Assert.Equal(older, installation.PSHome);
        Assert.Equal("7.4.6", installation.Version.ToString());
        Assert.Equal("extra-root", installation.Origin);
    }

    [Fact]
    public void Resolve_ReadsAPinnedPSHome_ThatDiscoveryDoesNotKnow()
    {
        string custom = FixtureInstallation.Create(temp.Combine("custom"), "7.2.24");

        var installation = resolver.Resolve(null, custom + Path.DirectorySeparatorChar);

        Assert.Equal(custom, installation.PSHome);
        Assert.Equal("7.2.24", installation.Version.ToString());
        Assert.Equal("pshome", installation.Origin);
    }

    [Fact]
    public void Resolve_ThrowsPSHomeNotFound_ForADirectoryWithoutPowerShell()
    {
        string empty = Directory.CreateDirectory(temp.Combine("empty")).FullName;

        var error = Assert.Throws<PSRemotingDscException>(() => resolver.Resolve(VersionSpec.Parse("7"), empty));

        Assert.Equal("PSHomeNotFound", error.ErrorId);
        Assert.Equal(ExitCode.VersionNotFound, error.ExitCode);
        Assert.Contains(empty, error.Message, StringComparison.Ordinal);
        Assert.Contains("System.Management.Automation.dll", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_ThrowsPSHomeNotFound_ForARelativePath()
    {
        var error = Assert.Throws<PSRemotingDscException>(() => resolver.Resolve(null, "powershell/7"));

        Assert.Equal("PSHomeNotFound", error.ErrorId);
        Assert.Contains("absolute", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("7.4", "7")]
    [InlineData("7.6.8", "7")]
    [InlineData("7", "7-preview")]
    [InlineData("7-preview", "7")]
    public void Resolve_ThrowsPSHomeVersionMismatch_WhenTheSpecDoesNotMatchThePinnedInstallation(string spec, string directory)
    {
        string psHome = temp.Combine("powershell", directory);

        var error = Assert.Throws<PSRemotingDscException>(() => resolver.Resolve(VersionSpec.Parse(spec), psHome));

        Assert.Equal("PSHomeVersionMismatch", error.ErrorId);
        Assert.Equal(ExitCode.VersionNotFound, error.ExitCode);
        Assert.Contains(psHome, error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{spec}'", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void FindByExecutable_FollowsASymlink_ToItsInstallation()
    {
        TestPaths.RequireSymbolicLinks();
        string bin = Directory.CreateDirectory(temp.Combine("usr", "bin")).FullName;
        string link = Path.Join(bin, "pwsh");
        File.CreateSymbolicLink(link, Path.Join(preview, PowerShellHomeReader.ExecutableName));

        var installation = resolver.FindByExecutable(link);

        Assert.NotNull(installation);
        Assert.Equal(preview, installation.PSHome);
        Assert.Equal("extra-root", installation.Origin);
    }

    [Fact]
    public void FindByExecutable_SeesAnInstallationTheSourceFindsLater()
    {
        // The resolved executables are kept per installation list: a new list from the source is resolved anew.
        Assert.Equal(stable, resolver.FindByExecutable(Path.Join(stable, PowerShellHomeReader.ExecutableName))?.PSHome);
        string added = FixtureInstallation.Create(temp.Combine("powershell"), "7.5.1", "7.5");

        var installation = resolver.FindByExecutable(Path.Join(added, PowerShellHomeReader.ExecutableName));

        Assert.Equal(added, installation?.PSHome);
        Assert.Equal("extra-root", installation?.Origin);
    }

    [Fact]
    public void FindByExecutable_MatchesTheExecutableItself()
    {
        Assert.Equal(stable, resolver.FindByExecutable(Path.Join(stable, PowerShellHomeReader.ExecutableName))?.PSHome);
    }

    [Fact]
    public void FindByExecutable_ReadsAnInstallationThatDiscoveryDoesNotKnow()
    {
        string custom = FixtureInstallation.Create(temp.Combine("custom"), "7.5.0-rc.1");

        var installation = resolver.FindByExecutable(Path.Join(custom, PowerShellHomeReader.ExecutableName));

        Assert.NotNull(installation);
        Assert.Equal("7.5.0-rc.1", installation.Version.ToString());
        Assert.Equal(custom, installation.PSHome);
    }

    [Fact]
    public void FindByExecutable_ReturnsNull_ForSomethingElse()
    {
        string other = temp.Combine("bash");
        FixtureInstallation.WriteExecutable(other);

        Assert.Null(resolver.FindByExecutable(other));
        Assert.Null(resolver.FindByExecutable(temp.Combine("missing", "pwsh")));
        Assert.Null(resolver.FindByExecutable("pwsh"));
        Assert.Null(resolver.FindByExecutable(string.Empty));
    }

    [Fact]
    public void FindByExecutable_ReturnsNull_ForAnotherFileInAPowerShellInstallation()
    {
        string createdump = Path.Join(stable, "createdump");
        FixtureInstallation.WriteExecutable(createdump);

        Assert.Null(resolver.FindByExecutable(createdump));
        Assert.Null(resolver.FindByExecutable(Path.Join(stable, "System.Management.Automation.dll")));
    }

    [SkippableFact]
    public void FindByExecutable_ReturnsNull_ForADanglingSymlink()
    {
        TestPaths.RequireSymbolicLinks();
        string link = temp.Combine("dangling-pwsh");
        File.CreateSymbolicLink(link, temp.Combine("gone", "pwsh"));

        Assert.Null(resolver.FindByExecutable(link));
    }
}
