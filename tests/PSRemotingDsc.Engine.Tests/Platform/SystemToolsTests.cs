using PSRemotingDsc.Platform;
using PSRemotingDsc.TestSupport;

namespace PSRemotingDsc.Tests.Platform;

/// <summary>dsc replaces a resource's PATH with DSC_RESOURCE_PATH (dsc 3.2.3 command_discovery.rs ~168–176): system tools are found at their fixed paths first.</summary>
public sealed class SystemToolsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Find_PrefersTheFirstFixedPathThatExists()
    {
        string second = _dir.WriteFile("second", "x");

        Assert.Equal(second, SystemTools.Find("tool", _dir.Combine("missing"), second));
    }

    [Fact]
    public void Find_FallsBackToThePathLookup_WhenNoFixedPathExists() =>
        Assert.Equal("tool", SystemTools.Find("tool", _dir.Combine("missing")));

    [SkippableFact]
    public void Systemctl_IsItsFixedPath_WhereSystemdIsInstalled()
    {
        Skip.IfNot(File.Exists("/usr/bin/systemctl") || File.Exists("/bin/systemctl"), "systemctl is not installed on this machine.");

        Assert.True(Path.IsPathFullyQualified(SystemTools.Systemctl));
    }
}
