using PSRemotingDsc.Versions;

namespace PSRemotingDsc.Tests.Versions;

public sealed class RealPathTests : IDisposable
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

        Assert.Equal(target, RealPath.Resolve(temp.Combine("snap", "current", "opt")));
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

        Assert.Equal(file, RealPath.Resolve(temp.Combine("two")));
    }

    [SkippableFact]
    public void Resolve_KeepsMissingComponents_AndStopsOnALinkLoop()
    {
        TestPaths.RequireSymbolicLinks();
        Assert.Equal(temp.Combine("missing", "pwsh"), RealPath.Resolve(temp.Combine("missing", "pwsh") + Path.DirectorySeparatorChar));

        File.CreateSymbolicLink(temp.Combine("loop1"), temp.Combine("loop2"));
        File.CreateSymbolicLink(temp.Combine("loop2"), temp.Combine("loop1"));
        string result = RealPath.Resolve(temp.Combine("loop1"));
        Assert.StartsWith(temp.Path, result, StringComparison.Ordinal);
    }
}
