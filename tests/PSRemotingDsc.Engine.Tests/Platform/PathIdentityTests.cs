using PSRemotingDsc.Platform;

namespace PSRemotingDsc.Tests.Platform;

public sealed class PathIdentityTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [SkippableFact]
    public void Resolve_FollowsLinksInEveryComponent()
    {
        TestPaths.RequireSymbolicLinks();
        string target = Directory.CreateDirectory(temp.Combine("real", "revision-42", "opt")).FullName;
        Directory.CreateSymbolicLink(temp.Combine("real", "current"), "revision-42");
        Directory.CreateSymbolicLink(temp.Combine("snap"), temp.Combine("real"));

        Assert.Equal(target, PathIdentity.Resolve(temp.Combine("snap", "current", "opt")));
    }

    [SkippableFact]
    public void Resolve_FollowsChainsOfRelativeLinks_AndDotDot()
    {
        TestPaths.RequireSymbolicLinks();
        string file = temp.Combine("a", "pwsh");
        Directory.CreateDirectory(temp.Combine("a"));
        Directory.CreateDirectory(temp.Combine("b"));
        File.WriteAllText(file, string.Empty);
        File.CreateSymbolicLink(temp.Combine("b", "one"), Path.Join("..", "a", "pwsh"));
        File.CreateSymbolicLink(temp.Combine("two"), Path.Join("b", "one"));

        Assert.Equal(file, PathIdentity.Resolve(temp.Combine("two")));
    }

    [SkippableFact]
    public void Resolve_KeepsMissingComponents_AndStopsOnALinkLoop()
    {
        TestPaths.RequireSymbolicLinks();
        Assert.Equal(temp.Combine("missing", "pwsh"), PathIdentity.Resolve(temp.Combine("missing", "pwsh") + Path.DirectorySeparatorChar));

        File.CreateSymbolicLink(temp.Combine("loop1"), temp.Combine("loop2"));
        File.CreateSymbolicLink(temp.Combine("loop2"), temp.Combine("loop1"));
        string result = PathIdentity.Resolve(temp.Combine("loop1"));
        Assert.StartsWith(temp.Path, result, StringComparison.Ordinal);
    }

    [Fact]
    public void SameFullPath_ComparesFullPaths_WithThePlatformCaseRule()
    {
        Assert.True(PathIdentity.SameFullPath(temp.Combine("a", "..", "sshd_config"), temp.Combine("sshd_config")));
        Assert.Equal(OperatingSystem.IsWindows(), PathIdentity.SameFullPath(temp.Combine("SSHD_CONFIG"), temp.Combine("sshd_config")));
    }

    [SkippableFact]
    public void SameFullPath_DoesNotFollowLinks()
    {
        TestPaths.RequireSymbolicLinks();
        string real = Directory.CreateDirectory(temp.Combine("real")).FullName;
        Directory.CreateSymbolicLink(temp.Combine("link"), real);

        Assert.False(PathIdentity.SameFullPath(temp.Combine("link"), real));
    }

    [SkippableFact]
    public void SameDirectory_FollowsALinkAtThePath_IgnoresATrailingSeparator_ButNotLinksInParentComponents()
    {
        TestPaths.RequireSymbolicLinks();
        string real = Directory.CreateDirectory(temp.Combine("real", "7")).FullName;
        Directory.CreateSymbolicLink(temp.Combine("current"), real);
        Directory.CreateSymbolicLink(temp.Combine("parent"), temp.Combine("real"));

        Assert.True(PathIdentity.SameDirectory(temp.Combine("current"), real + Path.DirectorySeparatorChar));
        Assert.False(PathIdentity.SameDirectory(temp.Combine("parent", "7"), real));
        Assert.Equal(real, PathIdentity.Resolve(temp.Combine("parent", "7")));
    }

    [Fact]
    public void SameDirectory_AnswersEqualTextWithoutTheFileSystem() =>
        Assert.True(PathIdentity.SameDirectory("relative/does-not-exist", "relative/does-not-exist"));
}
