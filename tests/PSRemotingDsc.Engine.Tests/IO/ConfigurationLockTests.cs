using PSRemotingDsc.Errors;
using PSRemotingDsc.IO;

namespace PSRemotingDsc.Tests.IO;

public sealed class ConfigurationLockTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void PathFor_IsAHiddenFileBesideTheConfiguration()
    {
        string config = _dir.Combine("sshd_config");

        Assert.Equal(_dir.Combine(".sshd_config.psremotingdsc.lock"), ConfigurationLock.PathFor(config));
    }

    [SkippableFact]
    public void PathFor_FollowsSymbolicLinks_SoThatTheLinkAndTheFileShareOneLock()
    {
        TestPaths.RequireSymbolicLinks();
        string real = _dir.WriteFile(Path.Combine("etc", "sshd_config"), "Port 22\n");
        string link = _dir.Combine("sshd_config");
        File.CreateSymbolicLink(link, real);

        Assert.Equal(ConfigurationLock.PathFor(real), ConfigurationLock.PathFor(link));
        using (ConfigurationLock.Acquire(real, TimeSpan.Zero))
        {
            Assert.Throws<PSRemotingDscException>(() => ConfigurationLock.Acquire(link, TimeSpan.Zero));
        }
    }

    [Fact]
    public void Acquire_WaitsAtMostTheTimeout_WhileAnotherHolderHasIt_ThenSucceedsOnceReleased()
    {
        string config = _dir.WriteFile("sshd_config", "Port 22\n");
        using (ConfigurationLock.Acquire(config, TimeSpan.Zero))
        {
            // .NET takes a per-open-file lock, so a second open in this process conflicts like another process would.
            var error = Assert.Throws<PSRemotingDscException>(() => ConfigurationLock.Acquire(config, TimeSpan.FromMilliseconds(200)));

            Assert.Equal(("SshdConfigLocked", ExitCode.ConfigLocked), (error.ErrorId, error.ExitCode));
            Assert.Contains(config, error.Message, StringComparison.Ordinal);
        }

        using ConfigurationLock again = ConfigurationLock.Acquire(config, TimeSpan.Zero);
        Assert.True(File.Exists(again.Path));
    }

    [SkippableFact]
    public void Acquire_RefusesALockPathThatIsNotARegularFile()
    {
        Skip.If(OperatingSystem.IsWindows(), "Symbolic links need a privilege on Windows.");
        string config = _dir.WriteFile("sshd_config", "Port 22\n");
        File.CreateSymbolicLink(ConfigurationLock.PathFor(config), "/dev/null");

        var error = Assert.Throws<PSRemotingDscException>(() => ConfigurationLock.Acquire(config, TimeSpan.Zero));

        Assert.Equal(("LockFileNotRegular", ExitCode.ConfigPathInvalid), (error.ErrorId, error.ExitCode));
    }
}
