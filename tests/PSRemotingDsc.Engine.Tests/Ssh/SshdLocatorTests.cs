using System.Runtime.Versioning;
using PSRemotingDsc.Ssh;

namespace PSRemotingDsc.Tests.Ssh;

public sealed class SshdLocatorTests : IDisposable
{
    private static readonly string SshdName = OperatingSystem.IsWindows() ? "sshd.exe" : "sshd";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void FindSshd_PrefersPath_OverTheCandidates()
    {
        string onPath = CreateExecutable("bin");
        string candidate = CreateExecutable("sbin");

        string? found = SshdLocator.FindSshd(
            string.Join(Path.PathSeparator, _dir.Combine("empty"), Path.GetDirectoryName(onPath)),
            [candidate]);

        Assert.Equal(onPath, found);
    }

    [Fact]
    public void FindSshd_FallsBackToTheFirstExistingCandidate()
    {
        string candidate = CreateExecutable("sbin");

        string? found = SshdLocator.FindSshd(_dir.Combine("empty"), [_dir.Combine("nope/sshd"), candidate]);

        Assert.Equal(candidate, found);
    }

    [Fact]
    public void FindSshd_ReturnsNull_WhenThereIsNone()
    {
        Assert.Null(SshdLocator.FindSshd(null, [_dir.Combine("nope/sshd")]));
        Assert.Null(SshdLocator.FindSshd(string.Empty, []));
    }

    [SkippableFact]
    [UnsupportedOSPlatform("windows")]
    public void FindSshd_SkipsAFileWithoutExecuteBit()
    {
        Skip.If(OperatingSystem.IsWindows(), "Windows has no execute bit.");
        string notExecutable = CreateExecutable("bin");
        File.SetUnixFileMode(notExecutable, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        string candidate = CreateExecutable("sbin");

        Assert.Equal(candidate, SshdLocator.FindSshd(Path.GetDirectoryName(notExecutable), [candidate]));
    }

    [SkippableFact]
    public void FindSshd_IgnoresRelativePathEntries()
    {
        string onPath = CreateExecutable("bin");
        // On Windows the temp folder can be on another drive than the current directory (CI: C: and D:); then no relative path reaches it.
        Skip.IfNot(
            string.Equals(Path.GetPathRoot(Environment.CurrentDirectory), Path.GetPathRoot(onPath), StringComparison.OrdinalIgnoreCase),
            "The temp folder is on another drive than the current directory, so no relative PATH entry can name it.");
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, Path.GetDirectoryName(onPath)!);
        Assert.False(Path.IsPathFullyQualified(relative));

        Assert.Null(SshdLocator.FindSshd(relative, []));
        Assert.Equal(onPath, SshdLocator.FindSshd(Path.GetDirectoryName(onPath), []));
    }

    [SkippableFact]
    public void FindSshd_FindsTheInstalledSshd()
    {
        Skip.If(SshdTestEnvironment.SshdPath is null, "No sshd is installed here.");

        string? found = SshdLocator.FindSshd();

        Assert.NotNull(found);
        Assert.True(Path.IsPathFullyQualified(found));
        Assert.True(File.Exists(found));
        Assert.Equal(SshdName, Path.GetFileName(found));
    }

    private string CreateExecutable(string subdirectory)
    {
        string directory = Directory.CreateDirectory(_dir.Combine(subdirectory)).FullName;
        string path = Path.Combine(directory, SshdName);
        File.WriteAllText(path, "#!/bin/sh\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }
}
